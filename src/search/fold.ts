/**
 * Folding and tokenizing for the search index, so that "thi dua" finds "thi đua" and "Da Nang"
 * finds "Đà Nẵng". The browser client (templates/assets/search.js) implements the same rules; a
 * test checks that both give the same output.
 *
 * Text is made NFC, then folded one UTF-16 code unit at a time: lowercase, tone and vowel marks
 * dropped (NFD, then every \p{M} removed), đ → d. A unit that would not fold to exactly one unit
 * (a lone combining mark, Hangul, "ŉ") stays as it is. So the folded text has the length of the NFC
 * text and position i of one is position i of the other: a match found in folded text is marked
 * in the original text at the same offsets.
 */

/** Longest term kept: longer tokens are cut to this many characters, in the index and in queries alike. */
export const MAX_TERM_LENGTH = 32;

/** One-character strings of ASCII codes, to build terms without allocating per character. */
const ASCII = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
/** How many units are folded into one string at a time (String.fromCharCode's argument list). */
const CHUNK = 4096;

/** Folded unit + 1 for each UTF-16 code unit, 0 until first computed. */
const FOLDED = new Uint16Array(65536);
const chunk = new Uint16Array(CHUNK);

/** Folds one UTF-16 code unit (a one-unit string): lowercase, marks dropped, đ → d; else itself. */
export function foldUnit(unit: string): string {
  const folded = unit.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  return folded.length === 1 ? folded : unit;
}

function foldCode(code: number): number {
  let folded = FOLDED[code]!;
  if (folded === 0) {
    folded = foldUnit(String.fromCharCode(code)).charCodeAt(0) + 1;
    FOLDED[code] = folded;
  }
  return folded - 1;
}

/** Folds text that is already NFC, unit by unit: the result has exactly its length. */
export function foldNfc(text: string): string {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK) {
    const length = Math.min(CHUNK, text.length - start);
    for (let i = 0; i < length; i++) chunk[i] = foldCode(text.charCodeAt(start + i));
    parts.push(String.fromCharCode.apply(null, length === CHUNK ? (chunk as unknown as number[]) : (chunk.subarray(0, length) as unknown as number[])));
  }
  return parts.join('');
}

/** Folds any text: NFC first, then unit by unit ("Đà Nẵng" → "da nang"). */
export function fold(text: string): string {
  return foldNfc(text.normalize('NFC'));
}

/** The terms of a text in order, repeats kept: runs of a-z and 0-9 in its folded form, cut to MAX_TERM_LENGTH. */
export function tokenize(text: string): string[] {
  const source = text.normalize('NFC');
  const terms: string[] = [];
  let term = '';
  for (let i = 0; i < source.length; i++) {
    const code = foldCode(source.charCodeAt(i));
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (term.length < MAX_TERM_LENGTH) term += ASCII[code]!;
    } else if (term !== '') {
      terms.push(term);
      term = '';
    }
  }
  if (term !== '') terms.push(term);
  return terms;
}
