import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInsideFolder } from '../fs-path.js';

/** What a safe, decoded URL path names inside the site folder. */
export type SiteFile =
  /** A regular file; `path` is its real path, checked to be inside the site folder. */
  | { readonly kind: 'file'; readonly path: string }
  /** A folder asked for without the trailing slash: redirect to add it. */
  | { readonly kind: 'folder' }
  /** Nothing to serve (no such file, a folder without index.html, a file asked with '/'). */
  | { readonly kind: 'missing' }
  /** A path (through a symlink) that leads outside the site folder. */
  | { readonly kind: 'outside' };

const MISSING: SiteFile = { kind: 'missing' };
const OUTSIDE: SiteFile = { kind: 'outside' };

async function realpathOrNull(target: string): Promise<string | null> {
  try {
    return await realpath(target);
  } catch {
    return null;
  }
}

type Kind = 'file' | 'folder' | 'other';

async function kindOf(realPath: string): Promise<Kind | null> {
  try {
    const stats = await stat(realPath);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
  } catch {
    return null;
  }
}

/** Follows symlinks of `candidate` and checks the real path is still inside `realRoot`. */
async function realInside(realRoot: string, candidate: string): Promise<{ real: string; kind: Kind } | SiteFile> {
  const real = await realpathOrNull(candidate);
  if (real === null) return MISSING;
  if (!isInsideFolder(realRoot, real)) return OUTSIDE;
  const kind = await kindOf(real);
  return kind === null ? MISSING : { real, kind };
}

/**
 * Resolves a decoded URL path ('' or starting with '/', already free of '..', '.', NUL and '\')
 * to a file of the site folder: lexically with path.resolve, then again after following symlinks.
 * `/x/` means x/index.html; a file is never served under a URL ending in '/'.
 */
export async function resolveSiteFile(siteDir: string, decodedPath: string): Promise<SiteFile> {
  const root = path.resolve(siteDir);
  const candidate = path.resolve(root, `.${decodedPath}`);
  if (!isInsideFolder(root, candidate)) return OUTSIDE;
  const realRoot = await realpathOrNull(root);
  if (realRoot === null) return MISSING;
  const found = await realInside(realRoot, candidate);
  if (!('real' in found)) return found;
  const wantsFolder = decodedPath.endsWith('/');
  if (found.kind === 'file') return wantsFolder ? MISSING : { kind: 'file', path: found.real };
  if (found.kind !== 'folder') return MISSING;
  if (!wantsFolder) return { kind: 'folder' };
  const index = await realInside(realRoot, path.join(found.real, 'index.html'));
  if (!('real' in index)) return index;
  return index.kind === 'file' ? { kind: 'file', path: index.real } : MISSING;
}
