// Two builds on one output folder never race: the second waits for the first's lock, a dead
// build's lock is taken over, and the output is always exactly one complete build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LockTimeoutError, lockFileOf } from '../../src/write/build-lock.js';
import { StagedWriter } from '../../src/write/staged-writer.js';
import { fixturePath, repoRoot } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const BIN = path.join(repoRoot, 'bin', 'bantin.js');
const NOW = '--now=2026-01-01T00:00:00+07:00';
const scratch = await mkdtemp(path.join(os.tmpdir(), 'bantin-lock-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Run { code: number | null; stdout: string; stderr: string }
interface Started { child: ChildProcess; done: Promise<Run>; stderr: () => string }

/** Starts the built CLI in `cwd`. */
function start(cwd: string, args: string[]): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

/** What builds left beside `dist` in a site folder. */
async function leftovers(site: string): Promise<string[]> {
  return (await readdir(site)).filter((name) => name.startsWith('.dist.bantin-')).sort();
}

/** A fresh copy of the small portal fixture. */
async function portal(): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'portal-'));
  await cp(fixturePath('portal'), dir, { recursive: true });
  return dir;
}

/** Writes a lock file as a build would, `ageMs` old. */
async function writeLock(site: string, owner: { pid: number; host?: string }, ageMs = 0): Promise<string> {
  const file = path.join(site, '.dist.bantin-lock');
  await writeFile(file, `${JSON.stringify({ pid: owner.pid, host: owner.host ?? os.hostname(), token: 'test', since: '2026-01-01T00:00:00.000Z' })}\n`);
  const then = new Date(Date.now() - ageMs);
  await utimes(file, then, then);
  return file;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', '']);
  expect(run.status).toBe(0);
  return run.pid!;
}

const waitingFor = (pid: number) => `bantin: another build is writing dist (pid ${pid}); waiting for it to finish…\n`;

describe('two builds on the same output folder', () => {
  it('started at once: the second waits for the first, both succeed, and the output is exactly the second one', async () => {
    const site = await mkdtemp(path.join(scratch, 'archive-'));
    const generator = pathToFileURL(path.join(repoRoot, 'bench', 'generate-archive.mjs')).href;
    const { generateArchive } = (await import(generator)) as { generateArchive: (folder: string, count: number, seed: number) => Promise<string[]> };
    await generateArchive(site, 600, 3);
    const variants = [[NOW], ['--now=2019-01-01T00:00:00+07:00']];
    // references, built at once into different folders: those do not wait for each other
    const refRuns = await Promise.all(variants.map((args, i) => start(site, ['build', ...args, '--out', `ref-${i}`]).done));
    expect(refRuns.map((r) => [r.code, r.stderr.includes('waiting')])).toEqual([[0, false], [0, false]]);
    const refs = await Promise.all(variants.map((_, i) => snapshot(path.join(site, `ref-${i}`))));
    expect(refs[0]).not.toEqual(refs[1]);

    const builds = variants.map((args) => start(site, ['build', ...args]));
    const runs = await Promise.all(builds.map((b) => b.done));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const waited = [0, 1].filter((i) => runs[i]!.stderr.includes('another build is writing'));
    expect(waited).toHaveLength(1);
    const [second] = waited as [number];
    expect(runs[second]!.stderr).toContain(waitingFor(builds[1 - second]!.child.pid!));
    expect(await snapshot(path.join(site, 'dist'))).toEqual(refs[second]);
    expect(await leftovers(site)).toEqual([]);
  }, 60_000);

  it('while a live build holds the lock, a build waits and goes on once it is released', async () => {
    const site = await portal();
    // this test process stands in for a live build
    const lock = await writeLock(site, { pid: process.pid });
    const waiting = start(site, ['build', NOW]);
    while (!waiting.stderr().includes(waitingFor(process.pid))) await sleep(20);
    await sleep(300);
    expect(existsSync(path.join(site, 'dist'))).toBe(false);
    expect(await leftovers(site)).toEqual(['.dist.bantin-lock']);
    await unlink(lock);
    const run = await waiting.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 12 articles /);
    expect(existsSync(path.join(site, 'dist', 'index.html'))).toBe(true);
    expect(await leftovers(site)).toEqual([]);
  }, 30_000);
});

describe('a lock nobody holds any more', () => {
  const cases: [string, (site: string) => Promise<unknown>][] = [
    ['of a dead process', (site) => writeLock(site, { pid: deadPid() })],
    ['of a live pid not refreshed for two minutes (pid reused, or another machine)', (site) => writeLock(site, { pid: process.pid, host: 'may-khac' }, 120_000)],
    ['left empty by a build killed while creating it', async (site) => {
      const file = path.join(site, '.dist.bantin-lock');
      await writeFile(file, '');
      await utimes(file, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
    }],
  ];
  for (const [name, leave] of cases) {
    it(`${name} is taken over at once`, async () => {
      const site = await portal();
      await leave(site);
      const run = await start(site, ['build', NOW]).done;
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('another build');
      expect(existsSync(path.join(site, 'dist', 'index.html'))).toBe(true);
      expect(await leftovers(site)).toEqual([]);
    }, 30_000);
  }
});

describe('StagedWriter and its lock', () => {
  it('holds the lock from open to commit or abort, naming this process', async () => {
    const out = path.join(await portal(), 'dist');
    const writer = await StagedWriter.open(out);
    expect(JSON.parse(await readFile(lockFileOf(out), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    await writer.write('index.html', 'một');
    await writer.commit();
    expect(existsSync(lockFileOf(out))).toBe(false);
    const aborted = await StagedWriter.open(out);
    expect(existsSync(lockFileOf(out))).toBe(true);
    await aborted.abort();
    expect(existsSync(lockFileOf(out))).toBe(false);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('một');
    expect(await leftovers(path.dirname(out))).toEqual([]);
  });

  it('gives up after its wait on a lock another machine holds, saying which and how to clear it', async () => {
    const site = await portal();
    const out = path.join(site, 'dist');
    const lock = await writeLock(site, { pid: 4242, host: 'may-khac' });
    const told: string[] = [];
    const opening = StagedWriter.open(out, { waitMs: 1000, pollMs: 50, onWait: (message) => told.push(message) });
    await expect(opening).rejects.toThrow(LockTimeoutError);
    await expect(opening).rejects.toThrow(`another build is still writing ${out} (pid 4242 on may-khac) after 1 s; if no build is running, delete ${lock}`);
    expect(told).toEqual([`another build is writing ${out} (pid 4242 on may-khac); waiting for it to finish…`]);
    expect(await leftovers(site)).toEqual(['.dist.bantin-lock']);
  });

  it('releases the lock when the process exits mid-build; the next build clears the stage folder', async () => {
    const site = await portal();
    const lib = pathToFileURL(path.join(repoRoot, 'lib', 'write', 'staged-writer.js')).href;
    const script = `const { StagedWriter } = await import(${JSON.stringify(lib)}); await StagedWriter.open(${JSON.stringify(path.join(site, 'dist'))}); process.exit(3);`;
    const exited = spawnSync(process.execPath, ['--input-type=module', '-e', script]);
    expect(exited.status).toBe(3);
    expect((await leftovers(site)).map((n) => n.replace(/-\d+-[0-9a-f]{8}$/, ''))).toEqual(['.dist.bantin-stage']);
    const run = await start(site, ['build', NOW]).done;
    expect(run.code).toBe(0);
    expect(await leftovers(site)).toEqual([]);
  });
});
