/**
 * Characters that show nothing but change how text reads: zero-width spaces and joiners, the
 * word joiner, the byte order mark, the soft hyphen, and bidirectional marks, embeddings,
 * overrides and isolates (U+202E turns "gpj.exe" into "exe.jpg" on screen).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Control characters other than tab and line feed (C0, DEL and C1). */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes invisible formatting characters (zero-width, bidi controls, soft hyphen). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Text an editor wrote for readers (title, author, category): no invisible or control characters. */
export function cleanText(text: string): string {
  return stripInvisible(text).replace(CONTROLS, '');
}

/**
 * An editor's value quoted for a message: control and invisible characters shown as \uXXXX (so a
 * terminal never runs them and the editor sees them), and cut to `max` characters.
 */
export function quoted(text: string, max = 80): string {
  const chars = Array.from(text);
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  const escaped = shown.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${escaped}"`;
}
