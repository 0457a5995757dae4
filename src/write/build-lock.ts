import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a build waits for another build writing the same output folder before giving up. */
export const LOCK_WAIT_MS = 10 * 60_000;
const POLL_MS = 100;
/** The holder touches its lock file this often, so a lock nobody refreshes can be told apart. */
const HEARTBEAT_MS = 5_000;
/** A lock not refreshed for this long belongs to a build that is gone (or hung), whatever its pid. */
const STALE_MS = 60_000;
/** A lock file without a readable owner this old was left by a build killed while creating it. */
const UNREADABLE_GRACE_MS = 2_000;

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly since: string;
}

/** How a build waits for another build on the same output folder. */
export interface LockOptions {
  /** Give up after this many milliseconds (default 10 minutes). */
  readonly waitMs?: number;
  readonly pollMs?: number;
  /** Told once, when another build holds the lock and this one starts waiting (default: stderr). */
  readonly onWait?: (message: string) => void;
}

/** Another build held the output folder for longer than this one was willing to wait. */
export class LockTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockTimeoutError';
  }
}

/** A lock file as read: its owner (null when unreadable), raw text and age. */
interface SeenLock {
  readonly owner: LockOwner | null;
  readonly raw: string;
  readonly ageMs: number;
}

/** Locks this process holds, by lock file; a newer writer on the same folder supersedes an abandoned one. */
const heldHere = new Map<string, BuildLock>();

/** The lock file of an output folder: `.<out>.bantin-lock` beside it. */
export function lockFileOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.bantin-lock`);
}

/**
 * An exclusive claim on an output folder, so two builds never stage and swap into it at once. The
 * file holds the owner's pid, host and a random token; it is removed on release and at process exit.
 */
export class BuildLock {
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly onExit = (): void => this.releaseSync();

  private constructor(readonly file: string, readonly owner: LockOwner) {}

  /** Takes the lock of `outDir`: waits while a live build holds it, takes over a dead build's. */
  static async acquire(outDir: string, options: LockOptions = {}): Promise<BuildLock> {
    const file = lockFileOf(outDir);
    heldHere.get(file)?.disown();
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
    const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
    let waiting = false;
    for (;;) {
      if (await tryCreate(file, owner)) return new BuildLock(file, owner).start();
      const seen = await readLock(file);
      if (seen === null) continue;
      if (isStale(seen)) {
        await breakStale(file, seen);
        continue;
      }
      const who = seen.owner ? ` (pid ${seen.owner.pid}${seen.owner.host === owner.host ? '' : ` on ${seen.owner.host}`})` : '';
      if (Date.now() >= deadline) {
        throw new LockTimeoutError(`another build is still writing ${shown(outDir)}${who} after ${Math.round((options.waitMs ?? LOCK_WAIT_MS) / 1000)} s; if no build is running, delete ${file}`);
      }
      if (!waiting) (options.onWait ?? toStderr)(`another build is writing ${shown(outDir)}${who}; waiting for it to finish…`);
      waiting = true;
      await sleep(options.pollMs ?? POLL_MS);
    }
  }

  /** Whether the lock file still names this holder (false if a takeover judged it stale). */
  async isHeld(): Promise<boolean> {
    const seen = await readLock(this.file);
    return seen?.owner?.token === this.owner.token;
  }

  /** Stops refreshing the lock and removes the file if it is still this holder's. */
  async release(): Promise<void> {
    this.disown();
    if (await this.isHeld()) await unlink(this.file).catch(ignoreMissing);
  }

  private start(): this {
    heldHere.set(this.file, this);
    process.on('exit', this.onExit);
    this.heartbeat = setInterval(() => {
      const now = new Date();
      utimes(this.file, now, now).catch(() => undefined);
    }, HEARTBEAT_MS).unref();
    return this;
  }

  /** Forgets the lock without touching the file: on release, or when superseded in this process. */
  private disown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    process.off('exit', this.onExit);
    if (heldHere.get(this.file) === this) heldHere.delete(this.file);
  }

  /** At process exit (an uncaught error mid-build), removes the file if it is still ours. */
  private releaseSync(): void {
    try {
      if (parseOwner(readFileSync(this.file, 'utf8'))?.token === this.owner.token) unlinkSync(this.file);
    } catch {
      // already gone: nothing to release
    }
  }
}

async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  try {
    await writeFile(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cause;
  }
}

/** The lock file's owner and age, or null when there is no lock file. */
async function readLock(file: string): Promise<SeenLock | null> {
  try {
    const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { owner: parseOwner(raw), raw, ageMs: Date.now() - info.mtimeMs };
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner> | null;
    if (typeof value?.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return null;
    return { pid: value.pid, host: value.host, token: value.token, since: String(value.since ?? '') };
  } catch {
    return null;
  }
}

/** A lock is stale when nobody refreshed it for a minute, or its owner on this machine is dead. */
function isStale(seen: SeenLock): boolean {
  if (!seen.owner) return seen.ageMs > UNREADABLE_GRACE_MS;
  if (seen.ageMs > STALE_MS) return true;
  if (seen.owner.host !== os.hostname()) return false;
  // our own pid: a lock this process abandoned (superseded above) or one left by an earlier process with our pid
  return seen.owner.pid === process.pid || !isRunning(seen.owner.pid);
}

/**
 * Removes a stale lock without removing a fresh one another build just made in its place: moves
 * it aside (only one of several racing builds can), then checks it is the one judged stale.
 */
async function breakStale(file: string, seen: SeenLock): Promise<void> {
  const aside = path.join(path.dirname(file), `${path.basename(file).replace(/lock$/, 'stale')}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await rename(file, aside);
  } catch (cause) {
    return ignoreMissing(cause);
  }
  const raw = await readFile(aside, 'utf8').catch(() => null);
  if (raw !== null && raw !== seen.raw) await rename(aside, file).catch(ignoreMissing);
  else await unlink(aside).catch(ignoreMissing);
}

/** Whether a process with this pid runs on this machine. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ignoreMissing(cause: unknown): void {
  if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
}

function shown(outDir: string): string {
  const relative = path.relative(process.cwd(), outDir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : outDir;
}

function toStderr(message: string): void {
  process.stderr.write(`bantin: ${message}\n`);
}
