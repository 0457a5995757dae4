import { error, type Diagnostic } from '../diagnostics.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true });

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in the editor: "Save with Encoding" → "UTF-8"); older Vietnamese encodings such as TCVN3 (ABC), VNI or Windows-1258 are not read.';

/**
 * A source file's text from its bytes. UTF-8, with or without a byte order mark; UTF-16 only with
 * one (FF FE or FE FF, as Windows Notepad saves "Unicode"). Anything else is an error naming the
 * line of the first bad byte: guessing an encoding would publish garbled Vietnamese.
 */
export function decodeSource(bytes: Uint8Array, file: string): string | Diagnostic {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? UTF16LE : bytes[0] === 0xfe && bytes[1] === 0xff ? UTF16BE : null;
  const nulByte = utf16 ? -1 : bytes.indexOf(0);
  if (nulByte >= 0) return nulError(file, lineOfByte(bytes, nulByte));
  let text: string;
  try {
    text = (utf16 ?? UTF8).decode(bytes);
  } catch {
    return utf16
      ? error('the file is not valid UTF-16', { file, line: 1, hint: SAVE_AS_UTF8 })
      : error('the file is not valid UTF-8', { file, line: firstBadUtf8Line(bytes), hint: SAVE_AS_UTF8 });
  }
  const nul = text.indexOf('\0');
  return nul < 0 ? text : nulError(file, text.slice(0, nul).split(/\r\n|\r|\n/).length);
}

/** A NUL character: binary data, or UTF-16 saved without a byte order mark (every other byte is 0). */
function nulError(file: string, line: number): Diagnostic {
  return error('the file contains a NUL character: it is not plain text, or was saved as UTF-16 without a byte order mark', { file, line, hint: SAVE_AS_UTF8 });
}

/** Line of the byte at `offset`, counting LF, CR and CRLF as one break each. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/**
 * Line of the first byte that is not UTF-8. Line breaks (LF, CR, CRLF) never occur inside a
 * UTF-8 sequence, so each line can be checked on its own.
 */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const byte = bytes[i];
    if (i < bytes.length && byte !== 0x0a && byte !== 0x0d) continue;
    if (!isUtf8(bytes.subarray(start, i))) return line;
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return line;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
