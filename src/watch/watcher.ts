import { watch } from 'chokidar';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { CONFIG_FILE_NAMES } from '../config/defaults.js';
import { isInside } from './changes.js';

/** A running watch over a site's sources. */
export interface SiteWatcher {
  close(): Promise<void>;
}

/** Folders and files that can change the site: content, templates, static files, config. */
export function watchedPaths(config: ResolvedConfig): string[] {
  const paths = [config.contentDir, ...config.templateDirs, path.join(config.root, 'templates'), config.staticDir ?? path.join(config.root, 'static')];
  paths.push(...CONFIG_FILE_NAMES.map((name) => path.join(config.root, name)));
  if (config.configFile) paths.push(config.configFile);
  return [...new Set(paths)];
}

/** Whether a path is never a source: the output folder, version control, dependencies, editor files. */
export function isIgnoredPath(file: string, config: ResolvedConfig): boolean {
  if (isInside(file, config.outDir)) return true;
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
  const watcher = watch(watchedPaths(config), {
    ignoreInitial: true,
    ignored: (file) => isIgnoredPath(file, config),
    awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 10 },
  });
  let batch = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const paths = [...batch];
    batch = new Set();
    if (paths.length > 0) onChange(paths);
  };
  watcher.on('all', (_event, file) => {
    batch.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(flush, settleMs);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
