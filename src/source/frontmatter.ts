import matter from 'gray-matter';
import yaml from 'js-yaml';
import { error, type Diagnostic } from '../diagnostics.js';

/** Front-matter split from a file: the raw YAML object, where each key stands, and the body. */
export interface RawFrontMatter {
  readonly data: Readonly<Record<string, unknown>>;
  /** Line of the file on which each top-level key is written. */
  readonly keyLines: ReadonlyMap<string, number>;
  readonly body: string;
  readonly bodyLine: number;
}

const refuseCode = (): never => {
  throw new Error('executable front-matter is not allowed');
};

/**
 * YAML read with the core schema: timestamps stay strings (the default schema turns them into
 * UTC Dates and loses the local day), and code-running front-matter languages are refused.
 */
const MATTER_OPTIONS = {
  language: 'yaml',
  delimiters: '---',
  engines: {
    yaml: (text: string): object => (yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {}) as object,
    js: refuseCode,
    javascript: refuseCode,
    coffee: refuseCode,
    coffeescript: refuseCode,
  },
};

const OPENING = /^---([^\n]*)\n/;
const CLOSING = /^---[ \t]*$/m;

/** Makes text comparable: no BOM, LF line endings, NFC. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Splits normalised text into front-matter and body; problems come back as diagnostics. */
export function readFrontMatter(text: string, file: string): RawFrontMatter | Diagnostic {
  const opening = OPENING.exec(text);
  if (!opening) {
    return error('the file has no front-matter', { file, line: 1, hint: 'Start the file with a line "---", the fields (title, author, date, category), then another "---".' });
  }
  const language = opening[1]!.trim();
  if (language !== '' && language !== 'yaml') {
    return error(`front-matter in "${language}" is not allowed`, { file, line: 1, hint: 'Write the front-matter in YAML: start the file with a plain "---" line.' });
  }
  if (!CLOSING.test(text.slice(opening[0].length))) {
    return error('the front-matter is not closed', { file, line: 1, hint: 'Add a line "---" after the last field, before the article text.' });
  }
  return parseYaml(text, file);
}

function parseYaml(text: string, file: string): RawFrontMatter | Diagnostic {
  try {
    const parsed = matter(text, MATTER_OPTIONS);
    const data = parsed.data as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return error('the front-matter must be a list of "key: value" lines', { file, line: 2 });
    }
    const swallowed = swallowedLines(text, data as Record<string, unknown>, file);
    if (swallowed) return swallowed;
    // gray-matter leaves spaces written after the closing "---" at the start of the body
    const body = parsed.content.replace(/^[ \t]+\n/, '');
    const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
    return { data: data as Record<string, unknown>, keyLines: keyLinesOf(parsed.matter), body, bodyLine };
  } catch (cause) {
    return yamlDiagnostic(cause, file, text);
  }
}

function yamlDiagnostic(cause: unknown, file: string, text: string): Diagnostic {
  if (!(cause instanceof yaml.YAMLException)) {
    return error(`front-matter cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, { file, line: 1 });
  }
  const reportedLine = cause.mark ? cause.mark.line + 1 : 1;
  const quoteLine = unclosedQuoteLine(text);
  const hint = 'Check the quotes and indentation on that line; a value containing ": " or starting with a quote must be quoted as a whole, and indentation must use spaces, not tabs.';
  if (quoteLine !== undefined && quoteLine <= reportedLine) {
    return error(`front-matter is not valid YAML: the quote opened on this line is not closed (${cause.reason})`, { file, line: quoteLine, hint: 'Close the quote at the end of the value, or remove it.' });
  }
  if (cause.reason === 'duplicated mapping key') {
    return error(`front-matter is not valid YAML: ${cause.reason}`, { file, line: reportedLine, hint: 'This key is already written above: keep one of the two lines.' });
  }
  return error(`front-matter is not valid YAML: ${cause.reason}`, { file, line: reportedLine, hint });
}

/** Lines of top-level keys, so a bad value can be shown where it is written (line 1 is "---"). */
function keyLinesOf(frontMatter: string): Map<string, number> {
  const lines = new Map<string, number>();
  frontMatter.split('\n').forEach((line, index) => {
    const key = /^(["']?)([^:#\s"'][^:#"']*?)\1\s*:(\s|$)/.exec(line)?.[2];
    if (key !== undefined && !lines.has(key)) lines.set(key, index + 1);
  });
  return lines;
}

/**
 * A quote left open is closed by YAML at the next quote, lines later, and the fields between
 * become part of one value: report it where the quote was opened, not as missing fields.
 */
function swallowedLines(text: string, data: Record<string, unknown>, file: string): Diagnostic | undefined {
  const line = unclosedQuoteLine(text);
  if (line === undefined) return undefined;
  const key = /^(["']?)([^:#"']+?)\1\s*:/.exec(text.split('\n')[line - 1] ?? '')?.[2];
  const value = key === undefined ? undefined : data[key];
  if (typeof value !== 'string' || !/\s[\p{L}_][\p{L}\p{N}_ ]*:\s/u.test(value)) return undefined;
  return error(`the quote opened on this line is not closed on it, so the lines after it became part of "${key}"`, {
    file,
    line,
    field: key,
    hint: 'Close the quote at the end of the value, or remove it.',
  });
}

/**
 * YAML reports an unclosed quote where the file ends; the editor needs the line that opened it:
 * the first front-matter line whose value starts with a quote it does not close.
 */
function unclosedQuoteLine(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i]!); i++) {
    const value = /:\s+(["'])(.*)$/.exec(lines[i]!);
    if (value && !value[2]!.replace(/\\./g, '').includes(value[1]!)) return i + 1;
  }
  return undefined;
}
