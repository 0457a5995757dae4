import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BuildLock, type LockOptions } from './build-lock.js';
import type { FolderTarget, Writer } from './writer.js';

const MAX_PENDING_WRITES = 32;

/** Marker in the names of folders a build keeps beside the output folder. */
const STAGE_MARK = '.bantin-';

/**
 * What killed builds can leave beside the output folder: `stage` (a half-written site), `old` (the
 * previous output, complete: restored when the output folder is missing), `trash` (an `old` being
 * deleted) and `stale` (a dead build's lock being taken over). The lock file itself is not listed.
 */
const LEFTOVER_KINDS = new Set(['stage', 'old', 'trash', 'stale']);

/**
 * Writes into a fresh folder beside the output folder and swaps it in on commit, so readers and
 * deploys never see half a site, and a failed or killed build leaves the previous output as it was.
 * A lock file (`.<out>.bantin-lock`) is held from open to commit or abort, so a second build on the
 * same folder waits for the first instead of racing it.
 */
export class StagedWriter implements Writer {
  private readonly createdDirs = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown = null;
  /** Runs once the new output is in place, while the lock is still held (the build cache is saved then). */
  afterSwap: (() => Promise<void>) | null = null;

  private constructor(readonly outDir: string, readonly stageDir: string, private readonly lock: BuildLock) {}

  /** Other threads may write new files straight into the staging folder: it is swapped in whole. */
  get folderTarget(): FolderTarget {
    return { folder: this.stageDir, wantsHashes: false, wrote: () => undefined };
  }

  /** Takes the output folder's lock (or uses one already held), clears what killed builds left behind, prepares a staging folder. */
  static async open(outDir: string, options: LockOptions = {}, held?: BuildLock): Promise<StagedWriter> {
    await mkdir(path.dirname(outDir), { recursive: true });
    const lock = held ?? (await BuildLock.acquire(outDir, options));
    try {
      await recoverAbandoned(outDir);
      const stageDir = siblingPath(outDir, 'stage');
      await mkdir(stageDir);
      return new StagedWriter(outDir, stageDir, lock);
    } catch (cause) {
      await lock.release();
      throw cause;
    }
  }

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    await this.schedule(outputPath, (target) => writeFile(target, content));
  }

  async copy(sourcePath: string, outputPath: string): Promise<void> {
    await this.schedule(outputPath, (target) => copyFile(sourcePath, target));
  }

  async commit(): Promise<void> {
    try {
      await this.drain();
      if (!(await this.lock.isHeld())) throw new Error(`lost the lock on ${this.outDir} (its lock file was removed, or taken over after this build stalled for a minute); this build's output was not swapped in`);
      await this.swap();
      await this.afterSwap?.();
    } catch (cause) {
      await rm(this.stageDir, { recursive: true, force: true });
      throw cause;
    } finally {
      await this.lock.release();
    }
  }

  async abort(): Promise<void> {
    try {
      await Promise.allSettled(this.pending);
      await rm(this.stageDir, { recursive: true, force: true });
    } finally {
      await this.lock.release();
    }
  }

  /**
   * Two renames: output → `old`, stage → output. Killed between them, the output folder is missing
   * and the next open() renames `old` back; an error between them puts `old` back at once.
   */
  private async swap(): Promise<void> {
    const hadOutput = existsSync(this.outDir);
    const oldDir = siblingPath(this.outDir, 'old');
    if (hadOutput) await rename(this.outDir, oldDir);
    await pauseForTests();
    try {
      await rename(this.stageDir, this.outDir);
    } catch (cause) {
      if (hadOutput) await rename(oldDir, this.outDir);
      throw cause;
    }
    await pauseForTests();
    // The new output is in place: failing to delete the old one must not fail the build; the next open() retries.
    if (hadOutput) await discard(oldDir).catch(() => undefined);
  }

  /** Starts a write, keeping at most MAX_PENDING_WRITES in flight. */
  private async schedule(outputPath: string, writeTo: (target: string) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.size >= MAX_PENDING_WRITES) await Promise.race(this.pending);
    const target = path.join(this.stageDir, ...outputPath.split('/'));
    const task = this.ensureDir(path.dirname(target))
      .then(() => writeTo(target))
      .catch((cause: unknown) => {
        this.failure ??= cause;
      })
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.createdDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.createdDirs.add(dir);
  }

  private async drain(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}

/** `.<out>.bantin-<kind>-<pid>-<random>` beside the output folder. */
function siblingPath(outDir: string, kind: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}${STAGE_MARK}${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Deletes a folder after renaming it to `trash`, so a half-deleted folder is never taken for a complete `old`. */
async function discard(dir: string): Promise<void> {
  const trash = path.join(path.dirname(dir), path.basename(dir).replace(`${STAGE_MARK}old-`, `${STAGE_MARK}trash-`));
  await rename(dir, trash);
  await rm(trash, { recursive: true, force: true });
}

/**
 * Clears what killed builds left beside the output folder; if one was killed between its two
 * renames (output folder missing), first puts its previous output back. Runs holding the lock,
 * so no live build owns any of these (whatever pid their names carry).
 */
async function recoverAbandoned(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}${STAGE_MARK}`;
  for (const name of (await readdir(parent)).filter((n) => n.startsWith(prefix)).sort()) {
    const kind = name.slice(prefix.length).split('-')[0] ?? '';
    const full = path.join(parent, name);
    if (kind === 'old' && !existsSync(outDir)) await rename(full, outDir);
    else if (kind === 'old') await discard(full);
    else if (LEFTOVER_KINDS.has(kind)) await rm(full, { recursive: true, force: true });
  }
}

/**
 * Test-only hook: with BANTIN_TEST_PAUSE_IN_COMMIT=<ms> in the environment, waits that long after
 * each rename of the swap (and after a warm build's first file), so crash tests can kill a build
 * mid-commit deterministically. Unset, it does nothing; it only ever delays a build.
 */
export function pauseForTests(): Promise<void> {
  const ms = Number(process.env.BANTIN_TEST_PAUSE_IN_COMMIT ?? 0);
  return ms > 0 ? sleep(ms).then(() => undefined) : Promise.resolve();
}
