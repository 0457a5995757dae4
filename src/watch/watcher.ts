import { watch } from 'chokidar';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { isInsideFolder } from '../fs-path.js';

/** A running watch over a site's sources. */
export interface SiteWatcher {
  close(): Promise<void>;
}

/**
 * Folders watched whole: content, templates, static files, and a config file named on the command
 * line. Only existing paths: chokidar reports "ready" too early when one of its paths is missing.
 */
export function watchedFolders(config: ResolvedConfig): string[] {
  const paths = [config.contentDir, ...config.templateDirs, config.staticDir, config.configFile];
  return [...new Set(paths.filter((p): p is string => p !== null && existsSync(p)))];
}

/** Whether a path is never a source: the output folder, version control, dependencies, editor files. */
export function isIgnoredPath(file: string, config: ResolvedConfig): boolean {
  if (isInsideFolder(config.outDir, file)) return true;
  const relative = path.relative(config.root, file).split(path.sep);
  if (relative[0] === 'node_modules' || relative.includes('.git')) return true;
  const name = path.basename(file);
  return (name.startsWith('.') && file !== config.root) || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name);
}

/**
 * Watches a site with chokidar (folders, not globs), waiting for writes to finish, and reports
 * changed paths in batches: every event within `settleMs` of the previous one joins its batch.
 */
export async function watchSite(config: ResolvedConfig, onChange: (paths: string[]) => void, settleMs = 10): Promise<SiteWatcher> {
  const options = { ignoreInitial: true, ignored: (file: string) => isIgnoredPath(file, config), awaitWriteFinish: { stabilityThreshold: 10, pollInterval: 5 } };
  // The site root itself only one level deep: config files, and templates/ or static/ appearing.
  const watchers = [watch(watchedFolders(config), options), watch(config.root, { ...options, depth: 0 })];
  let batch = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const paths = [...batch];
    batch = new Set();
    if (paths.length > 0) onChange(paths);
  };
  for (const watcher of watchers) {
    watcher.on('all', (_event, file) => {
      batch.add(path.resolve(file));
      clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    });
  }
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))));
  return {
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
