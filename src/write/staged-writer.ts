import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writer } from './writer.js';

const MAX_PENDING_WRITES = 32;

/** Marker in the names of folders a build keeps beside the output folder. */
const STAGE_MARK = '.bantin-';

/**
 * Writes into a fresh folder beside the output folder and swaps it in on commit, so readers and
 * deploys never see half a site, and a failed or killed build leaves the previous output as it was.
 */
export class StagedWriter implements Writer {
  private readonly createdDirs = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown = null;

  private constructor(readonly outDir: string, readonly stageDir: string) {}

  /** Prepares a staging folder, first clearing what killed builds left behind. */
  static async open(outDir: string): Promise<StagedWriter> {
    await recoverAbandoned(outDir);
    const stageDir = siblingPath(outDir, `stage-${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(stageDir, { recursive: true });
    return new StagedWriter(outDir, stageDir);
  }

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    await this.schedule(outputPath, (target) => writeFile(target, content));
  }

  async copy(sourcePath: string, outputPath: string): Promise<void> {
    await this.schedule(outputPath, (target) => copyFile(sourcePath, target));
  }

  async commit(): Promise<void> {
    await this.drain();
    const oldDir = siblingPath(this.outDir, `old-${process.pid}-${randomBytes(4).toString('hex')}`);
    const hadOutput = existsSync(this.outDir);
    if (hadOutput) await rename(this.outDir, oldDir);
    await rename(this.stageDir, this.outDir);
    if (hadOutput) await rm(oldDir, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.pending);
    await rm(this.stageDir, { recursive: true, force: true });
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

function siblingPath(outDir: string, suffix: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}${STAGE_MARK}${suffix}`);
}

/**
 * Removes staging folders of builds that no longer run; if a build was killed between its two
 * renames, puts its previous output back first.
 */
async function recoverAbandoned(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}${STAGE_MARK}`;
  const entries = existsSync(parent) ? await readdir(parent) : [];
  for (const name of entries.filter((n) => n.startsWith(prefix)).sort()) {
    const [kind, pid] = name.slice(prefix.length).split('-');
    if (isRunning(Number(pid))) continue;
    const full = path.join(parent, name);
    if (kind === 'old' && !existsSync(outDir)) await rename(full, outDir);
    else await rm(full, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
