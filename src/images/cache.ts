import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageFormat } from './plan.js';

/** One file of a cache entry. */
export interface CachedFile {
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly bytes: number;
}

/** What a cache entry knows about its source and the files made from it. */
export interface CacheManifest {
  readonly key: string;
  /** Size of the source after EXIF orientation. */
  readonly width: number;
  readonly height: number;
  /** The format the source is offered in besides WebP. */
  readonly fallback: 'jpeg' | 'png';
  /** Files by name (`960.webp`, `og-1200.jpg`). */
  readonly files: Readonly<Record<string, CachedFile>>;
}

const MANIFEST = 'manifest.json';

/**
 * Processed images between builds: `<dir>/<key[0..2]>/<key>/` holds the files and a manifest
 * listing them. Files and manifest are written under temporary names and renamed, so an entry is
 * never seen half written; a file whose size differs from its manifest's is treated as absent.
 */
export class ImageCache {
  constructor(readonly dir: string) {}

  /** The absolute path of a file of an entry. */
  filePath(key: string, name: string): string {
    return path.join(this.dir, key.slice(0, 2), key, name);
  }

  /** An entry's manifest, or null when it is absent or unreadable. */
  async manifest(key: string): Promise<CacheManifest | null> {
    try {
      const value: unknown = JSON.parse(await readFile(this.filePath(key, MANIFEST), 'utf8'));
      return isManifest(value, key) ? value : null;
    } catch {
      return null;
    }
  }

  /** Whether a file of an entry is on disk with the size its manifest records. */
  async has(key: string, name: string, expected: CachedFile): Promise<boolean> {
    try {
      return (await stat(this.filePath(key, name))).size === expected.bytes;
    } catch {
      return false;
    }
  }

  /** Writes files into an entry, then its manifest. */
  async store(manifest: CacheManifest, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
    await mkdir(path.dirname(this.filePath(manifest.key, MANIFEST)), { recursive: true });
    for (const [name, data] of files) await atomicWrite(this.filePath(manifest.key, name), data);
    await atomicWrite(this.filePath(manifest.key, MANIFEST), JSON.stringify(manifest));
  }
}

async function atomicWrite(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}

const FORMATS: readonly unknown[] = ['webp', 'jpeg', 'png'];
const isSize = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;

function isManifest(value: unknown, key: string): value is CacheManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.key !== key || !isSize(m.width) || !isSize(m.height) || (m.fallback !== 'jpeg' && m.fallback !== 'png')) return false;
  if (typeof m.files !== 'object' || m.files === null) return false;
  return Object.entries(m.files).every(([name, f]) => /^[a-z0-9-]+\.(webp|jpg|png)$/.test(name) && isCachedFile(f));
}

function isCachedFile(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return isSize(f.width) && isSize(f.height) && isSize(f.bytes) && FORMATS.includes(f.format);
}
