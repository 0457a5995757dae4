import path from 'node:path';
import type { ArticleMeta, CachedSource } from './state.js';

/**
 * The cached sources as columns, one array a field, as the cache file stores them: no key names
 * repeated for every article, and the absolute and display paths only where they are not the
 * ones the content path gives (they are on a case- or form-changing file system).
 */
export interface SourceTable {
  readonly count: number;
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
}

/** Fields whose values are objects of a fixed shape, stored a column a sub-field. */
const NESTED = new Set(['source', 'publishedAt', 'publishedAt.local']);

/** Sources → columns. */
export function encodeSources(sources: ReadonlyMap<string, CachedSource>, contentDir: string, root: string): SourceTable {
  const derivedPaths = pathsFrom(contentDir, root);
  const first = sources.values().next().value as CachedSource | undefined;
  const fields = first ? fieldPaths(first.meta as unknown as Record<string, unknown>, '') : [];
  const columns: Record<string, unknown[]> = { stamp: [], hash: [], 'source.contentPath': [] };
  const lists = fields.map(([name]) => (columns[name] = [] as unknown[]));
  for (const source of sources.values()) {
    columns.stamp!.push(source.stamp);
    columns.hash!.push(source.hash);
    const meta = source.meta as unknown as Record<string, unknown>;
    for (let f = 0; f < fields.length; f++) lists[f]!.push(read(meta, fields[f]![1]));
  }
  const absolute = columns['source.absolutePath'];
  const display = columns['source.displayPath'];
  const contentPaths = columns['source.contentPath'] ?? [];
  contentPaths.forEach((contentPath, row) => {
    const derived = derivedPaths(contentPath as string);
    if (absolute && absolute[row] === derived.absolutePath) absolute[row] = null;
    if (display && display[row] === derived.displayPath) display[row] = null;
  });
  return { count: contentPaths.length, columns };
}

/** Columns → sources, by content path. */
export function decodeSources(table: SourceTable, contentDir: string, root: string): Map<string, CachedSource> {
  const sources = new Map<string, CachedSource>();
  const entries = Object.entries(table.columns).map(([key, values]) => [key.split('.'), values] as const);
  const derivedPaths = pathsFrom(contentDir, root);
  for (let row = 0; row < table.count; row++) {
    const meta: Record<string, unknown> = {};
    for (const [keys, values] of entries) assign(meta, keys, values[row]);
    const source = meta.source as { contentPath: string; absolutePath: string | null; displayPath: string | null };
    const derived = derivedPaths(source.contentPath);
    source.absolutePath ??= derived.absolutePath;
    source.displayPath ??= derived.displayPath;
    const { stamp, hash, ...fields } = meta as { stamp: string; hash: string };
    sources.set(source.contentPath, { meta: fields as unknown as ArticleMeta, stamp, hash });
  }
  return sources;
}

/** Whether a value has the shape of a SourceTable (columns checked for length, never trusted further). */
export function isSourceTable(value: unknown): value is SourceTable {
  if (typeof value !== 'object' || value === null) return false;
  const { count, columns } = value as { count?: unknown; columns?: unknown };
  if (typeof count !== 'number' || typeof columns !== 'object' || columns === null) return false;
  const lists = Object.values(columns);
  return ['source.contentPath', 'stamp', 'hash'].every((key) => key in columns) && lists.every((list) => Array.isArray(list) && list.length === count);
}

/** The paths a content path gives when the file system keeps names as written (path.join and path.relative, done once for the folder). */
function pathsFrom(contentDir: string, root: string): (contentPath: string) => { absolutePath: string; displayPath: string } {
  const folder = path.resolve(contentDir);
  const shown = path.relative(root, folder).split(path.sep).join('/');
  return (contentPath) => ({
    absolutePath: `${folder}${path.sep}${path.sep === '/' ? contentPath : contentPath.split('/').join(path.sep)}`,
    displayPath: shown === '' ? contentPath : `${shown}/${contentPath}`,
  });
}

/** Every column of a meta's shape: its dotted name and the keys that reach it. */
function fieldPaths(value: Record<string, unknown>, prefix: string): [string, string[]][] {
  return Object.entries(value).flatMap(([key, field]): [string, string[]][] => {
    const name = prefix + key;
    if (!NESTED.has(name)) return [[name, name.split('.')]];
    return fieldPaths(field as Record<string, unknown>, `${name}.`);
  });
}

function read(value: Record<string, unknown>, keys: readonly string[]): unknown {
  let at: unknown = value;
  for (const key of keys) at = (at as Record<string, unknown> | undefined)?.[key];
  return at;
}

function assign(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = target;
  for (let i = 0; i < keys.length - 1; i++) at = (at[keys[i]!] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]!] = value;
}
