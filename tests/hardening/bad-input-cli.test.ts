// The compiled CLI on bad input: exit status, the message as printed, and the file system after
// the run (on errors nothing at all is written; on success only the output folder changes).
import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';
import { ENCODING_HINT, LINK_HINT, articleText, scratchFolder, siteWith, snapshot } from './bad-input-helpers.js';

const BIN = path.join(repoRoot, 'bin', 'bantin.js');
const tmp = await scratchFolder('cli');
const BUILD = ['build', '--now=2026-01-01T00:00:00+07:00', '--base-url=https://baotinh.vn'];

interface Run { code: number; stdout: string; stderr: string }

/** Runs the built CLI in `cwd`. */
function bantin(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (failure, stdout, stderr) => {
      resolve({ code: failure ? Number((failure as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A site in a folder of its own, so that anything written beside it shows up too. */
async function isolatedSite(files: Record<string, string | Uint8Array>): Promise<{ parent: string; root: string }> {
  const parent = path.join(tmp, `rieng-${Math.random().toString(36).slice(2)}`);
  await mkdir(parent);
  return { parent, root: await siteWith(parent, files) };
}

/** Paths added or changed under `dir` since `before`. */
async function changedSince(dir: string, before: Map<string, string>): Promise<string[]> {
  const after = await snapshot(dir);
  return [...after].filter(([file, bytes]) => before.get(file) !== bytes).map(([file]) => file.split(path.sep).join('/')).sort();
}

describe('bantin build on bad input', () => {
  it('exits 1 on a file that is not UTF-8, prints where and how to fix it, and writes nothing at all', async () => {
    const { parent, root } = await isolatedSite({ 'bai.md': Buffer.concat([Buffer.from('---\ntitle: B'), Buffer.from([0xe0]), Buffer.from('i\n---\n')]) });
    const before = await snapshot(parent);
    const run = await bantin(root, BUILD);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`content/bai.md:2: error: the file is not valid UTF-8\n    hint: ${ENCODING_HINT}\n`);
    expect(run.stderr).toContain('Build failed: dist was left as it was; fix the errors above and build again.');
    expect(run.stdout).toBe('');
    expect(await changedSince(parent, before)).toEqual([]);
  });

  it('exits 1 on ---js front-matter and never runs it (the code would have written a file)', async () => {
    const program = "---js\n{ title: require('fs').writeFileSync('DA-CHAY.txt', 'x') || process.exit(0) }\n---\n";
    const { parent, root } = await isolatedSite({ 'bai.md': program });
    const before = await snapshot(parent);
    const run = await bantin(root, BUILD);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/bai.md:1: error: front-matter in "js" is not allowed\n    hint: Write the front-matter in YAML: start the file with a plain "---" line.\n');
    expect(await changedSince(parent, before)).toEqual([]);
  });

  it('exits 0 on a good site and writes only inside --out and the site\'s build cache', async () => {
    const { parent, root } = await isolatedSite({ 'bai.md': articleText(), 'anh/a.jpg': 'JPG' });
    const before = await snapshot(parent);
    const run = await bantin(root, [...BUILD, '--out', 'ra']);
    expect(run.code).toBe(0);
    const changed = await changedSince(parent, before);
    const site = path.basename(root);
    expect(changed.filter((file) => !file.startsWith(`${site}/ra/`) && !file.startsWith(`${site}/.bantin-cache/build/`))).toEqual([]);
    expect(changed).toContain(`${site}/.bantin-cache/build/state.bin`);
    expect(changed).toContain(`${path.basename(root)}/ra/thoi-su/bai-viet/index.html`);
    expect(changed).toContain(`${path.basename(root)}/ra/anh/a.jpg`);
  });

  it('exits 0 with a warning for a link to a file outside content/, and copies nothing from outside', async () => {
    const { parent, root } = await isolatedSite({ 'bai.md': articleText() });
    await writeFile(path.join(parent, 'bi-mat.md'), articleText({ title: 'Bí mật' }));
    await writeFile(path.join(parent, 'bi-mat.jpg'), 'ẢNH MẬT');
    await symlink(path.join(parent, 'bi-mat.md'), path.join(root, 'content', 'bi-mat.md'));
    await symlink(path.join(parent, 'bi-mat.jpg'), path.join(root, 'content', 'bi-mat.jpg'));
    const before = await snapshot(parent);
    const run = await bantin(root, BUILD);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`content/bi-mat.md: warning: the file is a symbolic link, which bantin does not follow: it was left out\n    hint: ${LINK_HINT}\n`);
    const changed = await changedSince(parent, before);
    const site = path.basename(root);
    expect(changed.filter((file) => !file.startsWith(`${site}/dist/`) && !file.startsWith(`${site}/.bantin-cache/build/`))).toEqual([]);
    expect(changed.filter((file) => file.includes('bi-mat'))).toEqual([]);
  });

  it('an article dated 2999 is not published, and says nothing, unless --future', async () => {
    const { root } = await isolatedSite({ 'bai.md': articleText({ date: '2999-01-01' }) });
    const waiting = await bantin(root, BUILD);
    expect([waiting.code, waiting.stderr]).toEqual([0, '']);
    expect(waiting.stdout).toMatch(/^Built 0 articles into \d+ pages\b/);
    const future = await bantin(root, [...BUILD, '--future']);
    expect(future.code).toBe(0);
    expect(future.stdout).toMatch(/^Built 1 article into \d+ pages/);
  });
});
