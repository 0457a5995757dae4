import { stripInvisible } from './text.js';

/** Pattern a clean slug matches: lowercase ASCII words joined by single hyphens. */
export const CLEAN_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Normalises Vietnamese text to NFC, the one form the rest of the code compares. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Turns Vietnamese text into a URL slug: marks removed, đ → d, lowercase ASCII,
 * every other run of characters → one hyphen. Invisible characters (zero-width, bidi controls)
 * are dropped first, so they never split a word. May return '' (caller decides).
 */
export function slugify(text: string): string {
  return stripInvisible(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether a slug written by an editor can be used as is. */
export function isCleanSlug(slug: string): boolean {
  return CLEAN_SLUG.test(slug);
}
