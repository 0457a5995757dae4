// A warm build changes the output in place: killed while it writes, it leaves no build cache
// behind, so the next build is cold and the output comes out exactly right.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const BIN = path.join(repoRoot, 'bin', 'bantin.js');
const NOW = '--now=2026-01-01T00:00:00+07:00';
let site = '';

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string }

function start(cwd: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'build', NOW, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
  return { child, done };
}

/** The output a cold build of the site's current files gives, built in a copy. */
async function coldOutput(): Promise<Map<string, string>> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'bantin-warm-crash-cold-'));
  await cp(path.join(site, 'content'), path.join(copy, 'content'), { recursive: true });
  expect((await start(copy, ['--no-cache']).done).code).toBe(0);
  const files = await snapshot(path.join(copy, 'dist'));
  await rm(copy, { recursive: true, force: true });
  return files;
}

beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'bantin-warm-crash-'));
  const generator = pathToFileURL(path.join(repoRoot, 'bench', 'generate-archive.mjs')).href;
  const { generateArchive } = (await import(generator)) as { generateArchive: (folder: string, count: number, seed: number) => Promise<string[]> };
  await generateArchive(site, 300, 11);
  expect((await start(site, []).done).code).toBe(0);
}, 60_000);

afterAll(() => rm(site, { recursive: true, force: true }));

describe('a warm build killed with SIGKILL', () => {
  it('while it writes leaves no cache, and the next build is cold and exact', async () => {
    const state = path.join(site, '.bantin-cache', 'build', 'state.bin');
    expect(existsSync(state)).toBe(true);
    // edit every article of one category: a warm build with many pages to write
    const folder = path.join(site, 'content', 'y-te');
    for (const year of await readdir(folder)) {
      for (const name of await readdir(path.join(folder, year))) {
        const file = path.join(folder, year, name);
        await writeFile(file, `${await readFile(file, 'utf8')}\nĐoạn bổ sung sau khi xuất bản.\n`);
      }
    }
    const run = start(site, [], { BANTIN_TEST_PAUSE_IN_COMMIT: '3000' });
    const deadline = performance.now() + 30_000;
    while (existsSync(state)) {
      if (performance.now() > deadline) throw new Error('the warm build never dropped its cache state');
      await sleep(5);
    }
    // the state is dropped before any page is written; the first file then waits 3 s
    await sleep(1500);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(existsSync(state)).toBe(false);

    const next = await start(site, []).done;
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^Built 300 articles into /);
    expect(await snapshot(path.join(site, 'dist'))).toEqual(await coldOutput());
    expect(existsSync(state)).toBe(true);
  }, 60_000);
});
