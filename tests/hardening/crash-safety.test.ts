// A build killed with SIGKILL at any moment leaves the previous output byte for byte (or, past the
// swap, the complete new one), and the next build succeeds and leaves nothing beside the output.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const BIN = path.join(repoRoot, 'bin', 'bantin.js');
/**
 * Two builds of the same archive. The killed builds are always the full one (A: 2000 articles);
 * the build after each kill is the small one (B: "now" in 2016 leaves 175 articles), so each round
 * costs one full build, and A and B differ in file set and listing pages: any mix is detectable.
 * These are staged builds, so the build cache is off (a warm build updates the output in place).
 */
const VARIANTS = { A: ['--now=2026-01-01T00:00:00+07:00', '--no-cache'], B: ['--now=2016-01-01T00:00:00+07:00', '--no-cache'] };
type Variant = keyof typeof VARIANTS;
/** What the output folder holds after a kill; a mix says how it differs from the closer build. */
type State = Variant | 'missing' | `mix: ${string}`;
/** Test-only hook of StagedWriter: sleep this long after each rename of the swap. */
const PAUSE = { BANTIN_TEST_PAUSE_IN_COMMIT: '1000' };

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
interface Started { child: ChildProcess; done: Promise<Run>; startedAt: number }

let site = '';
let dist = '';
const refs = new Map<Variant, Map<string, string>>();
/** Each variant's summary line (without its duration), from its reference build. */
const summaries = new Map<Variant, string>();
/** How long the full build (A) took, start to exit. */
let fullBuildMs = 0;

/** Starts `bantin build` of one variant in the site folder. */
function start(variant: Variant, extraArgs: string[] = [], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [BIN, 'build', ...VARIANTS[variant], ...extraArgs], { cwd: site, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, startedAt: performance.now() };
}

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);
}

/** Which complete build a folder holds, byte for byte, or that it is missing or neither. */
async function stateOf(dir: string): Promise<State> {
  if (!existsSync(dir)) return 'missing';
  const files = await snapshot(dir);
  const match = (['A', 'B'] as const).find((v) => sameFiles(files, refs.get(v)!));
  if (match) return match;
  const differences = (['A', 'B'] as const).map((v) => {
    const ref = refs.get(v)!;
    const changed = [...files].filter(([file, hash]) => ref.has(file) && ref.get(file) !== hash).map(([file]) => file);
    const missing = [...ref.keys()].filter((file) => !files.has(file));
    const extra = [...files.keys()].filter((file) => !ref.has(file));
    return { v, count: changed.length + missing.length + extra.length, text: `vs ${v}: changed ${changed.slice(0, 3).join(', ')}; missing ${missing.slice(0, 3).join(', ')}; extra ${extra.slice(0, 3).join(', ')}` };
  });
  return `mix: ${differences.sort((x, y) => x.count - y.count)[0]!.text}`;
}

/** What builds left beside the output folder (lock file included). */
async function leftovers(): Promise<string[]> {
  return (await readdir(site)).filter((name) => name.startsWith('.dist.bantin-')).sort();
}

/** Kills a build with SIGKILL once `ready` holds for the names beside dist (polled every 5 ms). */
async function killWhen(run: Started, ready: (names: string[]) => boolean): Promise<Run> {
  const deadline = performance.now() + 30_000;
  while (!ready(await leftovers())) {
    if (performance.now() > deadline) throw new Error(`the build never reached the state to kill it in; beside dist: ${(await leftovers()).join(', ')}`);
    await sleep(5);
  }
  run.child.kill('SIGKILL');
  return run.done;
}

async function killAfter(run: Started, ms: number): Promise<Run> {
  await sleep(Math.max(0, ms - (performance.now() - run.startedAt)));
  run.child.kill('SIGKILL');
  return run.done;
}

/** The build after a kill: exit 0, dist is exactly the small build B, nothing left beside it. */
async function nextBuildSucceeds(): Promise<void> {
  const run = await start('B').done;
  expect(run.code).toBe(0);
  expect(withoutTime(run.stdout)).toBe(summaries.get('B'));
  expect(await stateOf(dist)).toBe('B');
  expect(await leftovers()).toEqual([]);
}

/** A summary line without its duration. */
const withoutTime = (stdout: string): string => stdout.replace(/\d+\.\d\d s\./, 'N s.');
const oldAside = (names: string[]): boolean => names.some((n) => n.startsWith('.dist.bantin-old-'));

beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'bantin-crash-'));
  dist = path.join(site, 'dist');
  const generator = pathToFileURL(path.join(repoRoot, 'bench', 'generate-archive.mjs')).href;
  const { generateArchive } = (await import(generator)) as { generateArchive: (folder: string, count: number, seed: number) => Promise<string[]> };
  await generateArchive(site, 2000, 7);
  const full = start('A', ['--out', 'ref-a']);
  const a = await full.done;
  fullBuildMs = performance.now() - full.startedAt;
  const b = await start('B').done;
  expect([a.code, b.code]).toEqual([0, 0]);
  expect([a.stdout, b.stdout].map((out) => /^Built (\d+) articles /.exec(out)?.[1])).toEqual(['2000', '175']);
  summaries.set('B', withoutTime(b.stdout));
  refs.set('A', await snapshot(path.join(site, 'ref-a')));
  refs.set('B', await snapshot(dist));
  expect(sameFiles(refs.get('A')!, refs.get('B')!)).toBe(false);
  await rm(path.join(site, 'ref-a'), { recursive: true });
}, 60_000);

afterAll(() => rm(site, { recursive: true, force: true }));

describe('a build killed with SIGKILL', () => {
  const moments: [string, () => number][] = [['50 ms', () => 50], ['300 ms', () => 300], ['1 s', () => 1000], ['90% of a full build', () => fullBuildMs * 0.9]];
  for (const [name, at] of moments) {
    it(`${name} after it starts leaves the previous output byte for byte, or past the swap the new one, never a mix`, async () => {
      const ms = at();
      const run = await killAfter(start('A'), ms);
      const state = await stateOf(dist);
      if (ms < fullBuildMs / 2) {
        // well before the swap: killed, and the previous output untouched
        expect([run.signal, state]).toEqual(['SIGKILL', 'B']);
      } else {
        // near the end: killed before the swap (previous output) or after it, or exited (new output)
        expect(run.signal === 'SIGKILL' ? ['B', 'A'] : ['A']).toContain(state);
      }
      await nextBuildSucceeds();
    }, 30_000);
  }

  it('between the two renames of the swap leaves the previous output aside, and the next run puts it back', async () => {
    const run = await killWhen(start('A', [], PAUSE), (names) => oldAside(names) && !existsSync(dist));
    expect(run.signal).toBe('SIGKILL');
    expect(await stateOf(dist)).toBe('missing');
    const aside = (await leftovers()).filter((n) => n.startsWith('.dist.bantin-old-'));
    expect(aside).toHaveLength(1);
    expect(await stateOf(path.join(site, aside[0]!))).toBe('B');

    // a build that fails on content errors restores the previous output and leaves it as it was
    await mkdir(path.join(site, 'hong'), { recursive: true });
    await writeFile(path.join(site, 'hong', 'hong.md'), '---\ntitle: Hỏng\nauthor: A\ndate: hôm qua\ncategory: Thời sự\n---\nx\n');
    const failed = await start('A', ['--content', 'hong']).done;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Build failed: dist was left as it was');
    expect(await stateOf(dist)).toBe('B');
    expect(await leftovers()).toEqual([]);
    await nextBuildSucceeds();
  }, 40_000);

  it('after the swap, before the old output is deleted, leaves the new output, and the next run clears the old one', async () => {
    const swapped = (names: string[]): boolean => oldAside(names) && !names.some((n) => n.startsWith('.dist.bantin-stage-')) && existsSync(dist);
    const run = await killWhen(start('A', [], PAUSE), swapped);
    expect(run.signal).toBe('SIGKILL');
    expect(await stateOf(dist)).toBe('A');
    expect((await leftovers()).map((n) => n.replace(/-\d+-[0-9a-f]{8}$/, ''))).toEqual(['.dist.bantin-lock', '.dist.bantin-old']);
    await nextBuildSucceeds();
  }, 40_000);
});
