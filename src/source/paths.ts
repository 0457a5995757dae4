import { quoted } from '../vi/text.js';

/** Longest slug or URL path name: file names over 255 bytes cannot be stored on most file systems. */
export const MAX_NAME_LENGTH = 200;

/** Names Windows keeps for devices, with or without an extension ("con", "NUL.html", "com1.txt"). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** What is wrong with a URL path written by an editor, and how to fix it. */
export interface PathProblem {
  readonly message: string;
  readonly hint: string;
}

const WINDOWS_HINT = 'Windows cannot create a file or folder named con, prn, aux, nul, com0–com9 or lpt0–lpt9, so the site could not be built or checked out there';
const LENGTH_HINT = 'file names over 255 bytes cannot be stored on most file systems';

/** Whether Windows refuses a file or folder of this name. */
export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0] ?? name);
}

/** Why a clean slug cannot name a folder of the site: what it is, why that fails, and whether it is too long. */
export interface SlugTrouble {
  /** Follows "gives a URL slug": `250 characters long, …` or `"con", a reserved …`. */
  readonly what: string;
  /** The same said of a written slug: `is 250 characters long, …` or `"con" is a reserved …`. */
  readonly sentence: string;
  readonly why: string;
  readonly tooLong: boolean;
}

/** Why a clean slug cannot name a folder of the site (too long, reserved on Windows), if it cannot. */
export function slugTrouble(slug: string): SlugTrouble | undefined {
  if (slug.length > MAX_NAME_LENGTH) {
    const what = `${slug.length} characters long, more than the ${MAX_NAME_LENGTH} allowed`;
    return { what, sentence: `is ${what}`, why: LENGTH_HINT, tooLong: true };
  }
  if (isWindowsReservedName(slug)) {
    return { what: `"${slug}", a reserved file name on Windows`, sentence: `"${slug}" is a reserved file name on Windows`, why: WINDOWS_HINT, tooLong: false };
  }
  return undefined;
}

/** Why a root-relative URL path ("/tin-tuc/12345/", "/a/b.html") does not name a page inside the site, if it does not. */
export function urlPathProblem(urlPath: string): PathProblem | undefined {
  const segments = urlPath.split('/').slice(1);
  const safe = urlPath.startsWith('/') && urlPath !== '/' &&
    segments.every((s, i) => (s === '' ? i === segments.length - 1 : /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/.test(s) && !/^\.+$/.test(s)));
  if (!safe) {
    return {
      message: `${quoted(urlPath)} is not a path inside the site`,
      hint: 'Write a path from the site root with letters, digits, "-", "_" and ".", such as "/tin-tuc/12345/".',
    };
  }
  const name = (problem: (s: string) => boolean) => segments.find((s) => s !== '' && problem(s));
  const dotted = name((s) => s.endsWith('.'));
  if (dotted) return { message: `${quoted(urlPath)}: the name "${dotted}" ends with "."`, hint: 'Remove the "." at the end: Windows drops it, and two paths would become one.' };
  const long = name((s) => s.length > MAX_NAME_LENGTH);
  if (long) return { message: `${quoted(urlPath)}: a name in it is ${long.length} characters long, more than the ${MAX_NAME_LENGTH} allowed`, hint: `Shorten it: ${LENGTH_HINT}.` };
  const reserved = name(isWindowsReservedName);
  if (reserved) return { message: `${quoted(urlPath)}: "${reserved}" is a reserved file name on Windows`, hint: `Choose another name: ${WINDOWS_HINT}.` };
  return undefined;
}
