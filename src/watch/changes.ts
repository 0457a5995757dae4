import path from 'node:path';
import { isInsideFolder } from '../fs-path.js';
import type { ResolvedConfig } from '../config/types.js';
import { CONFIG_FILE_NAMES } from '../config/defaults.js';

/** What a changed file is to the site, which decides how much a rebuild redoes. */
export type ChangeKind = 'article' | 'asset' | 'template' | 'static' | 'config' | 'ignored';

/** A classified file change. `name` is the content path of an article or the name of a template. */
export interface ClassifiedChange {
  readonly kind: ChangeKind;
  readonly name: string;
}

const IGNORED_NAME = /(^\.|~$|\.swp$|\.swx$|\.tmp$|^#.*#$)/;

/** Classifies one changed path of a site (absolute). */
export function classifyChange(file: string, config: ResolvedConfig): ClassifiedChange {
  const ignored = { kind: 'ignored', name: '' } as const;
  if (isInsideFolder(config.outDir, file) || IGNORED_NAME.test(path.basename(file))) return ignored;
  if (file === config.configFile || (path.dirname(file) === config.root && (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file)))) {
    return { kind: 'config', name: path.basename(file) };
  }
  if (isInsideFolder(config.contentDir, file)) {
    const name = posixRelative(config.contentDir, file);
    if (name.split('/').some((segment) => segment.startsWith('_') || segment.startsWith('.'))) return ignored;
    return { kind: /\.(md|markdown)$/i.test(name) ? 'article' : 'asset', name };
  }
  for (const dir of config.templateDirs) {
    if (!isInsideFolder(dir, file)) continue;
    const name = posixRelative(dir, file);
    return { kind: name.startsWith('assets/') ? 'static' : 'template', name };
  }
  if (config.staticDir && isInsideFolder(config.staticDir, file)) return { kind: 'static', name: posixRelative(config.staticDir, file) };
  // A site templates/ or static/ folder that appears after start changes how the site is read.
  for (const folder of ['templates', 'static']) {
    if (isInsideFolder(path.join(config.root, folder), file)) return { kind: 'config', name: folder };
  }
  return ignored;
}

function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/').normalize('NFC');
}
