import fg from 'fast-glob';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { discoverContentAssets } from '../source/index.js';

/** A file copied as it is into the output. */
export interface StaticFile {
  readonly sourcePath: string;
  readonly outputPath: string;
}

const IGNORED = ['**/.*', '**/.*/**', '**/*~', '**/*.swp', '**/node_modules/**'];

/** Files of a folder to copy, mapped under `prefix` of the output ('' for the root). */
export async function listStaticFiles(dir: string, prefix: string, ignore: readonly string[] = []): Promise<StaticFile[]> {
  const found = await fg(['**/*'], { cwd: dir, onlyFiles: true, followSymbolicLinks: false, ignore: [...IGNORED, ...ignore] });
  return found.sort().map((relative) => ({ sourcePath: path.join(dir, relative), outputPath: `${prefix}${relative.normalize('NFC')}` }));
}

/**
 * Merges static file lists, a later list overriding an earlier one at the same output path
 * (the site's own assets over the theme's), and reports files that would overwrite a page.
 */
export function mergeStaticFiles(
  lists: readonly (readonly StaticFile[])[],
  isPage: (outputPath: string) => boolean,
  root: string,
): { files: StaticFile[]; diagnostics: Diagnostic[] } {
  const byOutput = new Map<string, StaticFile>();
  for (const list of lists) for (const file of list) byOutput.set(file.outputPath, file);
  const diagnostics: Diagnostic[] = [];
  const files = [...byOutput.values()].filter((file) => {
    if (!isPage(file.outputPath)) return true;
    diagnostics.push(error(`would overwrite the page ${file.outputPath}`, { file: path.relative(root, file.sourcePath).split(path.sep).join('/'), hint: 'Rename or move the file: the built page has that path.' }));
    return false;
  });
  return { files, diagnostics };
}

/** Static files in override order: theme assets, then the site's template assets, content files, static/. */
export async function planStatic(config: ResolvedConfig, isPage: (outputPath: string) => boolean): Promise<{ files: StaticFile[]; diagnostics: Diagnostic[] }> {
  const themeAssets = await Promise.all([...config.templateDirs].reverse().map((dir) => listStaticFiles(path.join(dir, 'assets'), 'assets/')));
  const contentAssets = (await discoverContentAssets(config.contentDir, config.root)).map((f) => ({ sourcePath: f.absolutePath, outputPath: f.contentPath }));
  const siteStatic = config.staticDir ? await listStaticFiles(config.staticDir, '') : [];
  return mergeStaticFiles([...themeAssets, contentAssets, siteStatic], isPage, config.root);
}
