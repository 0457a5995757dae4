import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, repoRoot } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const BIN = path.join(repoRoot, 'bin', 'bantin.js');
const NOW = '--now=2026-01-01T00:00:00+07:00';
const scratch = await mkdtemp(path.join(os.tmpdir(), 'bantin-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

/** Runs the built CLI in `cwd` with extra environment variables. */
function bantin(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A fresh copy of a fixture site to build in. */
async function siteCopy(fixture: string): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, `${fixture}-`));
  await cp(fixturePath(fixture), dir, { recursive: true });
  return dir;
}

describe('bantin CLI', () => {
  it('prints help and version, exit 0', async () => {
    const help = await bantin(scratch, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: bantin <command> [options]');
    expect(help.stdout).toContain('  build  Build the site from Markdown articles into static HTML');
    const buildHelp = await bantin(scratch, ['build', '--help']);
    expect(buildHelp.code).toBe(0);
    expect(buildHelp.stdout).toContain('Usage: bantin build [options]');
    expect(buildHelp.stdout).toContain('--base-url URL    absolute URL of the site');
    const version = await bantin(scratch, ['--version']);
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 2 on usage errors', async () => {
    const site = await siteCopy('portal');
    const unknown = await bantin(site, ['build', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("bantin: Unknown option '--colour'");
    expect((await bantin(site, ['publish'])).stderr).toContain('unknown command "publish"');
    expect((await bantin(site, ['build', '--content', 'khong-co'])).stderr).toContain('content folder not found: khong-co');
    expect((await bantin(site, ['build', '--config', 'khong-co.json'])).code).toBe(2);
    const outOverContent = await bantin(site, ['build', '--out', 'content']);
    expect(outOverContent.code).toBe(2);
    expect(outOverContent.stderr).toContain('would replace');
    expect(existsSync(path.join(site, 'content', 'thoi-su', 'a01.md'))).toBe(true);
    expect((await bantin(site, [])).code).toBe(2);
  });

  it('builds a site and ends with one summary line', async () => {
    const site = await siteCopy('portal');
    const run = await bantin(site, ['build', NOW]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 12 articles into 41 pages, 15 feed, sitemap and index files, 12 files copied, in \d+\.\d\d s\.\n$/);
    expect(run.stderr).toContain('warning: category: category "Thời sự" is spelled 2 ways');
    expect(run.stderr).not.toContain('\x1b[');
    const home = await readFile(path.join(site, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('An toàn giao thông dịp Tết Nguyên đán');
  });

  it('reads bantin.config.json, and --base-url overrides it', async () => {
    const site = await siteCopy('themed');
    expect((await bantin(site, ['build', NOW])).code).toBe(0);
    const page = await readFile(path.join(site, 'dist', 'index.html'), 'utf8');
    expect(page).toContain('<title>Báo Xã Hội</title>');
    expect(page).toContain('href="/bao/assets/bantin.css"');
    expect((await bantin(site, ['build', NOW, '--base-url', 'https://tin.example.vn'])).code).toBe(0);
    expect(await readFile(path.join(site, 'dist', 'index.html'), 'utf8')).toContain('href="/assets/bantin.css"');
  });

  it('on content errors exits 1 with located messages, no stack trace, and keeps the previous output byte for byte', async () => {
    const site = await siteCopy('portal');
    expect((await bantin(site, ['build', NOW])).code).toBe(0);
    const before = await snapshot(path.join(site, 'dist'));
    await writeFile(path.join(site, 'content', 'thoi-su', 'hong.md'), '---\ntitle: Hỏng\nauthor: A\ndate: hôm qua\ncategory: Thời sự\n---\nx\n');
    const run = await bantin(site, ['build', NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/thoi-su/hong.md:4: error: date: "hôm qua" is not a timestamp in an accepted format\n    hint: Accepted formats:');
    expect(run.stderr).toContain('Build failed: dist was left as it was');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(path.join(site, 'dist'))).toEqual(before);
    expect((await readdir(site)).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });

  it('cleans up what a killed build left, and restores output a build died swapping', async () => {
    const site = await siteCopy('portal');
    await mkdir(path.join(site, '.dist.bantin-stage-999999999-dead'), { recursive: true });
    await mkdir(path.join(site, '.dist.bantin-old-999999999-dead'), { recursive: true });
    await writeFile(path.join(site, '.dist.bantin-old-999999999-dead', 'index.html'), 'previous');
    expect((await bantin(site, ['build', '--content', 'khong-co'])).code).toBe(2);
    expect((await bantin(site, ['build', NOW])).code).toBe(0);
    expect((await readdir(site)).filter((n) => n.startsWith('.dist'))).toEqual([]);
    expect(await readFile(path.join(site, 'dist', 'index.html'), 'utf8')).toContain('<!doctype html>');
  });

  it('gives byte-identical output whatever the machine time zone', async () => {
    const site = await siteCopy('portal');
    const outputs: Map<string, string>[] = [];
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect((await bantin(site, ['build', NOW, '--out', `out-${tz.replace('/', '-')}`], { TZ: tz })).code).toBe(0);
      outputs.push(await snapshot(path.join(site, `out-${tz.replace('/', '-')}`)));
    }
    expect(outputs[0]!.size).toBe(68);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  it('checks a site without writing it: exit 0 when clean, 1 with annotations on errors', async () => {
    const clean = await siteCopy('portal');
    const ok = await bantin(clean, ['check', NOW]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('Checked 12 articles and 41 pages: no errors.');
    expect(existsSync(path.join(clean, 'dist'))).toBe(false);

    const broken = await siteCopy('broken');
    const github = await bantin(broken, ['check'], { GITHUB_ACTIONS: 'true' });
    expect(github.code).toBe(1);
    expect(github.stdout.split('\n').find((line) => line.includes('ngay-sai.md'))).toBe('::error file=content/thoi-su/ngay-sai.md,line=4,title=bantin%3A date::"31/02/2024 10:00": 2/2024 has no day 31%0AAccepted formats: 2024-09-13T18:13:00+07:00, 2024-09-13T11:13:00Z, 2024-09-13 18:13, 2024-09-13, 13/09/2024 18:13, 13/09/2024, 13-09-2024 18:13, 13.09.2024 | 18:13 PM. Times without an offset are read in the site time zone (Asia/Ho_Chi_Minh).');
    const json = await bantin(broken, ['check', '--format', 'json']);
    const problems = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; line: number });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'null:null',
      'content/thoi-su/hai-cach-viet.md:3', 'content/thoi-su/js.md:1', 'content/thoi-su/ngay-sai.md:4', 'content/thoi-su/permalink.md:6',
      'content/thoi-su/slug-ban.md:6', 'content/thoi-su/thieu-truong.md:1', 'content/thoi-su/trung-1.md:null', 'content/thoi-su/yaml-hong.md:3',
    ]);
    expect((await bantin(broken, ['check', '--format', 'xml'])).code).toBe(2);
  });

  it('shows progress without a terminal as plain lines only, however long the build', async () => {
    const site = await mkdtemp(path.join(scratch, 'archive-'));
    const generator = pathToFileURL(path.join(repoRoot, 'bench', 'generate-archive.mjs')).href;
    const { generateArchive } = (await import(generator)) as { generateArchive: (folder: string, count: number, seed: number) => Promise<string[]> };
    await generateArchive(site, 400, 5);
    // stderr is a pipe here: no bar even when the environment looks like an interactive one
    const run = await bantin(site, ['build', NOW], { CI: '', TERM: 'xterm-256color' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 400 articles into \d+ pages, .* in \d+\.\d\d s\.\n$/);
    expect(run.stdout + run.stderr).not.toContain('\x1b');
    const progress = run.stderr.split('\n').filter((line) => /^(parsing articles|rendering pages)/.test(line));
    for (const line of progress) expect(line).toMatch(/^(parsing articles|rendering pages): [\d,]+\/[\d,]+ \(\d+%\)$/);
  });

  it('fails check, not build, on links to no page', async () => {
    const site = await siteCopy('themed');
    expect((await bantin(site, ['build', NOW])).code).toBe(0);
    const check = await bantin(site, ['check', NOW]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('content/xa-hoi/bai.md:18: error: the link to /khong-co-trang/ leads to no page of the site');
  });
});
