import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pauseForTests } from './staged-writer.js';
import type { FolderTarget, Writer } from './writer.js';

/** Content hash of an output file, to skip writing bytes that are already there. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64');
}

/**
 * Writes into an existing output folder in place, for incremental rebuilds: each file replaced
 * atomically (temporary file, then rename), unchanged bytes not written at all so their mtime stays.
 */
export class DirectWriter implements Writer {
  written = 0;
  skipped = 0;

  /** `hashes` maps output paths to the hash of what is on disk; it is kept up to date. */
  constructor(readonly outDir: string, readonly hashes: Map<string, string>) {}

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    const hash = contentHash(content);
    if (this.hashes.get(outputPath) === hash) {
      this.skipped++;
      return;
    }
    const target = this.target(outputPath);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    this.hashes.set(outputPath, hash);
    this.written++;
  }

  async copy(sourcePath: string, outputPath: string): Promise<void> {
    await this.write(outputPath, await readFile(sourcePath));
  }

  /** Deletes an output file and the folders it leaves empty. */
  async remove(outputPath: string): Promise<void> {
    const target = this.target(outputPath);
    await rm(target, { force: true });
    this.hashes.delete(outputPath);
    for (let dir = path.dirname(target); dir !== this.outDir && dir.startsWith(this.outDir); dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
    }
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}

  private target(outputPath: string): string {
    return path.join(this.outDir, ...outputPath.split('/'));
  }
}

/** Passes writes through to another writer while recording each file's content hash. */
export class HashingWriter implements Writer {
  constructor(private readonly inner: Writer, readonly hashes: Map<string, string>) {}

  /** The inner writer's folder, when it has one; files written there by other threads are recorded with their hash. */
  get folderTarget(): FolderTarget | undefined {
    const inner = this.inner.folderTarget;
    return inner && { folder: inner.folder, wantsHashes: true, wrote: (outputPath, hash) => (this.hashes.set(outputPath, hash), inner.wrote(outputPath, hash)) };
  }

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    this.hashes.set(outputPath, contentHash(content));
    await this.inner.write(outputPath, content);
  }

  async copy(sourcePath: string, outputPath: string): Promise<void> {
    const content = await readFile(sourcePath);
    this.hashes.set(outputPath, contentHash(content));
    await this.inner.write(outputPath, content);
  }

  commit(): Promise<void> {
    return this.inner.commit();
  }

  abort(): Promise<void> {
    return this.inner.abort();
  }
}

/**
 * Holds the changes of an in-place update until commit, so a failed warm build leaves the output
 * as it was: files whose bytes are already on disk are dropped at once, the rest written on commit.
 */
export class BufferedWriter implements Writer {
  private readonly changes = new Map<string, string | Uint8Array | null>();
  private readonly direct: DirectWriter;

  constructor(outDir: string, readonly hashes: Map<string, string>) {
    this.direct = new DirectWriter(outDir, hashes);
  }

  /** Files whose bytes changed on disk, once committed. */
  get written(): number {
    return this.direct.written;
  }

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    if (this.hashes.get(outputPath) === contentHash(content)) this.changes.delete(outputPath);
    else this.changes.set(outputPath, content);
  }

  async copy(sourcePath: string, outputPath: string): Promise<void> {
    await this.write(outputPath, await readFile(sourcePath));
  }

  /** Deletes an output file on commit. */
  async remove(outputPath: string): Promise<void> {
    this.changes.set(outputPath, null);
  }

  /** How many files the commit will write or delete. */
  get pending(): number {
    return this.changes.size;
  }

  async commit(): Promise<void> {
    let first = true;
    for (const [outputPath, content] of this.changes) {
      if (content === null) await this.direct.remove(outputPath);
      else await this.direct.write(outputPath, content);
      if (first) await pauseForTests();
      first = false;
    }
    this.changes.clear();
  }

  async abort(): Promise<void> {
    this.changes.clear();
  }
}
