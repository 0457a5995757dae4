import fg from 'fast-glob';
import path from 'node:path';
import type { SourceFile } from './types.js';

/**
 * Files and folders never read as content: hidden ones (Emacs locks `.#a.md`, Vim swap files
 * `.a.md.swp`), editor backups (`a.md~`, Emacs auto-saves `#a.md#`) and temporary files.
 */
const IGNORED = ['**/.*', '**/.*/**', '**/*~', '**/#*#', '**/*.swp', '**/*.swo', '**/*.tmp', '**/node_modules/**'];

/**
 * Article sources: Markdown files under the content folder, except those in `_`-prefixed folders.
 * Symbolic links named like articles are listed too, so that reading them reports them (they are
 * never followed); folders behind links are not entered.
 */
export async function discoverArticles(contentDir: string, root: string): Promise<SourceFile[]> {
  const found = await fg(['**/*.md', '**/*.markdown'], {
    cwd: contentDir,
    ignore: [...IGNORED, '**/_*/**', '**/_*'],
    onlyFiles: false,
    objectMode: true,
    followSymbolicLinks: false,
    dot: false,
  });
  return found
    .filter((entry) => entry.dirent.isFile() || entry.dirent.isSymbolicLink())
    .map((entry) => sourceFile(contentDir, root, entry.path))
    .sort(byContentPath);
}

/** Files under the content folder that are not Markdown (photos beside articles): copied as they are; links are skipped. */
export async function discoverContentAssets(contentDir: string, root: string): Promise<SourceFile[]> {
  const found = await fg(['**/*'], {
    cwd: contentDir,
    ignore: [...IGNORED, '**/*.md', '**/*.markdown', '**/_*/**', '**/_*'],
    onlyFiles: true,
    followSymbolicLinks: false,
  });
  return found.map((relative) => sourceFile(contentDir, root, relative)).sort(byContentPath);
}

function sourceFile(contentDir: string, root: string, relative: string): SourceFile {
  const absolutePath = path.join(contentDir, relative);
  return {
    absolutePath,
    contentPath: relative.normalize('NFC'),
    displayPath: path.relative(root, absolutePath).split(path.sep).join('/').normalize('NFC'),
  };
}

/** Orders by code unit of the NFC path: the same order on every machine. */
export function byContentPath(a: SourceFile, b: SourceFile): number {
  return a.contentPath < b.contentPath ? -1 : a.contentPath > b.contentPath ? 1 : 0;
}
