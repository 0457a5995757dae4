// Measuring helpers for `npm run bench`: timed child processes, medians, output-folder snapshots.
import { spawn } from 'node:child_process';
import { access, constants, lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const TIME = '/usr/bin/time';

/** Fails with a clear message when GNU time, which reports CPU time and peak RSS, is missing. */
export async function requireGnuTime() {
  try {
    await access(TIME, constants.X_OK);
  } catch {
    throw new Error(`${TIME} is missing: it measures CPU time and peak memory of each build. Install it with \`apt-get install time\`.`);
  }
}

/** Runs a command to completion, collecting its output; resolves with its exit code. */
function runChild(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? 128, signal, stdout, stderr }));
  });
}

/** Runs `command args` in `cwd` under GNU time: wall and CPU (user+sys) seconds, peak RSS in MB. */
export async function timed(label, command, args, cwd) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-time-'));
  const report = path.join(dir, 'time.txt');
  try {
    const result = await runChild(TIME, ['-o', report, '-f', '%e %U %S %M', command, ...args], cwd);
    if (result.code !== 0) {
      throw new Error(`${label} failed (exit ${result.code}${result.signal ? `, ${result.signal}` : ''}) in ${cwd}:\n${result.stderr || result.stdout}`);
    }
    // GNU time may write a "Command exited with…" line first; the figures are on the last line
    const [wall, user, sys, rssKb] = (await readFile(report, 'utf8')).trim().split('\n').pop().split(' ').map(Number);
    return { wall, cpu: round(user + sys), rssMB: round(rssKb / 1024), stdout: result.stdout, stderr: result.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rounds to two decimals, for readable JSON. */
export const round = (x) => Math.round(x * 100) / 100;

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** Per-run figures of a scenario plus their medians and the wall-time range. */
export function summarise(runs) {
  const walls = runs.map((r) => r.wall);
  return {
    runs,
    median: { wall: median(walls), cpu: median(runs.map((r) => r.cpu)), rssMB: median(runs.map((r) => r.rssMB)) },
    wallRange: [Math.min(...walls), Math.max(...walls)],
  };
}

/** Every file under a folder (symbolic links not followed) with its mtime, by relative path. */
export async function mtimes(folder) {
  const found = new Map();
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.set(path.relative(folder, full), (await lstat(full)).mtimeMs);
    }
  }
  await walk(folder);
  return found;
}

/** How many files were added, removed or have a different mtime between two snapshots. */
export function changedCount(before, after) {
  let changed = 0;
  for (const [file, mtime] of after) if (before.get(file) !== mtime) changed++;
  for (const file of before.keys()) if (!after.has(file)) changed++;
  return changed;
}
