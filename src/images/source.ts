import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Extensions of the images bantin resizes; other files (GIF, SVG, WebP) are linked as they are. */
const PROCESSED = /\.(jpe?g|png)$/i;

/** Whether a reference written in an article is a local JPEG or PNG (not http:, data:, //host, #anchor). */
export function isProcessableImage(reference: string): boolean {
  if (reference === '' || reference.startsWith('//') || reference.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(reference)) return false;
  return PROCESSED.test(reference.replace(/[?#].*$/s, ''));
}

/**
 * A reference as a site path: query and fragment cut, percent-escapes decoded (markdown-it encodes
 * "ảnh.jpg" as "%E1%BA%A3nh.jpg"), NFC. Null when it is not root-relative or climbs out of the root.
 */
export function sitePathOf(reference: string): string | null {
  let decoded = reference.replace(/[?#].*$/s, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a lone "%" is part of the file's name
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return null;
  return decoded.normalize('NFC');
}

/** Where a site path's image was found, or why it was not. */
export type ResolvedSource = { readonly file: string; readonly displayPath: string } | { readonly missing: string };

/**
 * The file a site path ("/anh/x.jpg") names: static/anh/x.jpg, else content/anh/x.jpg (static/ wins,
 * as it does when files are copied). Hidden files, content `_` folders and editor backups are not
 * published, so they are not found; symbolic links are never followed.
 */
export async function resolveImageSource(sitePath: string, dirs: { contentDir: string; staticDir: string | null; root: string }): Promise<ResolvedSource> {
  const clean = sitePathOf(sitePath);
  if (clean === null) return { missing: `${sitePath} is not a path inside the site` };
  const segments = clean.split('/').slice(1);
  const hidden = segments.some((s) => s.startsWith('.') || s.endsWith('~'));
  const candidates: string[] = [];
  if (dirs.staticDir && !hidden) candidates.push(dirs.staticDir);
  if (!hidden && !segments.some((s) => s.startsWith('_'))) candidates.push(dirs.contentDir);
  if (candidates.length === 0) return { missing: `${clean} is hidden or in a "_" folder, which is not published` };
  const display = (file: string) => path.relative(dirs.root, file).split(path.sep).join('/');
  const looked: string[] = [];
  for (const dir of candidates) {
    const file = path.join(dir, ...segments);
    const state = await fileState(file, dir);
    if (state === 'file') return { file, displayPath: display(file) };
    looked.push(state === 'absent' ? display(file) : `${display(file)} (a symbolic link, never followed)`);
  }
  return { missing: `${clean}: there is no file ${looked.join(' or ')}` };
}

/** A regular file whose real path lies inside `dir`'s real path; a link (to a file or through a folder); or nothing. */
async function fileState(file: string, dir: string): Promise<'file' | 'link' | 'absent'> {
  try {
    const stats = await lstat(file);
    if (stats.isSymbolicLink()) return 'link';
    if (!stats.isFile()) return 'absent';
    const [real, realDir] = await Promise.all([realpath(file), realpath(dir)]);
    return real.startsWith(realDir + path.sep) ? 'file' : 'link';
  } catch {
    return 'absent';
  }
}
