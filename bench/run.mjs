// Build-time benchmark of `bantin build` on a generated archive, optionally against Hugo.
// Usage: npm run bench -- [--articles 10000] [--runs 3] [--compare-hugo] [--keep] [--out bench/results.json]
// Scenarios, each the median of R whole-process runs measured with GNU time:
//   cold: dist/ and .bantin-cache/ deleted first (no warm-up);
//   warm: the same build again, nothing changed (one warm-up run first);
//   edit: one article's body changed before each run, same file every time (one warm-up run first).
// With --compare-hugo, the archive is also converted into an equivalent Hugo site (bench/hugo-site.mjs)
// and `hugo` cold builds are interleaved with bantin's cold builds, so machine drift hits both.
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArchive } from './generate-archive.mjs';
import { writeHugoSite } from './hugo-site.mjs';
import { changedCount, median, mtimes, requireGnuTime, round, summarise, timed } from './measure.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'bin', 'bantin.js');
const SEED = 1;
const CONFIG = { title: 'Báo Tỉnh', baseUrl: 'https://baotinh.example.vn' };

/** Reads and checks the command-line options. */
function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' },
      'compare-hugo': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(REPO, 'bench', 'results.json') },
    },
  });
  const articles = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(articles) || articles < 2) throw new Error('--articles must be an integer of at least 2');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  return { articles, runs, compareHugo: values['compare-hugo'], keep: values.keep, out: path.resolve(values.out) };
}

/** Hugo's version line when `hugo` is on PATH, else null. */
function hugoVersion() {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Generates the archive and its config in a new temp folder; returns the folder and the article to edit. */
async function makeSite(articles) {
  const site = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-'));
  const urls = await generateArchive(site, articles, SEED);
  await writeFile(path.join(site, 'bantin.config.json'), JSON.stringify(CONFIG, null, 2));
  // the generator files article i under content/<category>/<2015 + i % 10>/<slug>.md
  const i = Math.floor(articles / 2);
  const [, category, slug] = urls[i].split('/');
  return { site, editFile: path.join('content', category, String(2015 + (i % 10)), `${slug}.md`) };
}

/** One `bantin build` in the site folder, timed. */
async function bantinBuild(site) {
  const run = await timed('bantin build', process.execPath, [BIN, 'build'], site);
  const summary = `${run.stdout}\n${run.stderr}`.split('\n').find((line) => line.startsWith('Built ')) ?? '';
  return { wall: run.wall, cpu: run.cpu, rssMB: run.rssMB, summary };
}

/** One cold `bantin build`: output and build cache deleted first. */
async function bantinCold(site) {
  await rm(path.join(site, 'dist'), { recursive: true, force: true });
  await rm(path.join(site, '.bantin-cache'), { recursive: true, force: true });
  return bantinBuild(site);
}

/** One cold `hugo` build: public/ and resources/ deleted first. */
async function hugoCold(hugoSite) {
  await rm(path.join(hugoSite, 'public'), { recursive: true, force: true });
  await rm(path.join(hugoSite, 'resources'), { recursive: true, force: true });
  const run = await timed('hugo', 'hugo', ['--quiet', '--destination', 'public'], hugoSite);
  return { wall: run.wall, cpu: run.cpu, rssMB: run.rssMB };
}

/** Counts the files in an output folder, and its HTML pages (index.html or any .html). */
async function countOutput(folder) {
  const files = [...(await mtimes(folder)).keys()];
  return { files: files.length, htmlFiles: files.filter((f) => f.endsWith('.html')).length };
}

/** A build preceded by `prepare`, recording how many output files it touched (by mtime). */
async function trackedBuild(site, prepare) {
  await prepare();
  const before = await mtimes(path.join(site, 'dist'));
  const run = await bantinBuild(site);
  run.changedFiles = changedCount(before, await mtimes(path.join(site, 'dist')));
  return run;
}

/** Cold builds of bantin, interleaved with Hugo's when a Hugo site is given. */
async function coldScenario(site, hugoSite, runs) {
  const bantin = [];
  const hugo = [];
  for (let r = 0; r < runs; r++) {
    bantin.push(await bantinCold(site));
    log(`cold ${r + 1}/${runs}: bantin ${bantin[r].wall} s`);
    if (hugoSite) {
      hugo.push(await hugoCold(hugoSite));
      log(`cold ${r + 1}/${runs}: hugo ${hugo[r].wall} s`);
    }
  }
  return { bantin, hugo };
}

/** R tracked builds after one warm-up, each preceded by `prepare(k)`. */
async function repeatedScenario(name, site, runs, prepare) {
  await trackedBuild(site, () => prepare(0));
  const results = [];
  for (let r = 1; r <= runs; r++) {
    results.push(await trackedBuild(site, () => prepare(r)));
    log(`${name} ${r}/${runs}: ${results.at(-1).wall} s, ${results.at(-1).changedFiles} files changed`);
  }
  return results;
}

/** Prints a progress line. */
function log(line) {
  console.log(`  ${line}`);
}

/** Keeps only the figures of a run, for the results file. */
const figures = ({ wall, cpu, rssMB, changedFiles }) => (changedFiles === undefined ? { wall, cpu, rssMB } : { wall, cpu, rssMB, changedFiles });

/** Prints the results table. */
function printTable(rows) {
  const header = ['scenario', 'wall median (s)', 'CPU median (s)', 'peak RSS median (MB)', 'wall min–max (s)'];
  const lines = rows.map(([name, s]) => [name, s.median.wall.toFixed(2), s.median.cpu.toFixed(2), s.median.rssMB.toFixed(0), `${s.wallRange[0].toFixed(2)}–${s.wallRange[1].toFixed(2)}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

/** The commit of the bantin being measured, marked "-dirty" when the work tree has changes. */
function commit() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** A fingerprint of the compiled lib/ (file count and newest mtime), to notice a recompile mid-run. */
async function libStamp() {
  const stamps = await mtimes(path.join(REPO, 'lib'));
  return `${stamps.size}:${Math.max(...stamps.values())}`;
}

/** The machine the figures come from. */
function machine() {
  const cpus = os.cpus();
  return { node: process.version, cpuCount: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', totalMemoryMB: Math.round(os.totalmem() / 2 ** 20) };
}

/** Times every scenario (and Hugo's cold builds when a Hugo site is given); returns the results. */
async function measure(opts, site, editFile, hugoSite, hugo) {
  console.log(`Timing ${opts.runs} run(s) per scenario${hugo ? ', cold builds interleaved with hugo' : ''}…`);
  const cold = await coldScenario(site, hugoSite, opts.runs);
  const output = await countOutput(path.join(site, 'dist'));
  const warm = await repeatedScenario('warm', site, opts.runs, async () => {});
  const editPath = path.join(site, editFile);
  const original = await readFile(editPath, 'utf8');
  // a different sentence each time, so the file's bytes really change
  const edit = await repeatedScenario('edit', site, opts.runs, (k) => appendFile(editPath, `\nCập nhật lần ${k + 1}.\n`));
  await writeFile(editPath, original);
  const scenarios = { cold: summarise(cold.bantin.map(figures)), warm: summarise(warm.map(figures)), edit: summarise(edit.map(figures)) };
  scenarios.warm.changedFilesMedian = median(warm.map((r) => r.changedFiles));
  scenarios.edit.changedFilesMedian = median(edit.map((r) => r.changedFiles));
  scenarios.edit.article = editFile.split(path.sep).join('/');
  const results = { date: new Date().toISOString(), commit: commit(), ...machine(), articles: opts.articles, runs: opts.runs, output: { ...output, buildSummary: cold.bantin[0].summary }, scenarios };
  if (hugo) {
    const ratioPerPair = cold.hugo.map((h, i) => round(h.wall / cold.bantin[i].wall));
    results.hugo = { version: hugo, output: await countOutput(path.join(hugoSite, 'public')), cold: summarise(cold.hugo), ratioPerPair, ratio: median(ratioPerPair) };
  }
  return results;
}

/** Prints the table and the counts behind it. */
function report(results) {
  const { scenarios, output, hugo } = results;
  const rows = [['bantin cold', scenarios.cold], ['bantin warm, no change', scenarios.warm], ['bantin one-article edit', scenarios.edit]];
  if (hugo) rows.push(['hugo cold', hugo.cold]);
  printTable(rows);
  console.log(`\n${results.articles} articles → ${output.files} files in dist (${output.htmlFiles} HTML); ${output.buildSummary}`);
  console.log(`Edit of ${scenarios.edit.article}: files whose mtime changed, median ${scenarios.edit.changedFilesMedian} (warm, no change: ${scenarios.warm.changedFilesMedian}).`);
  if (!hugo) return;
  const r = hugo.ratio;
  console.log(`${hugo.version.split(' ')[1]}: ${hugo.output.files} files, ${hugo.output.htmlFiles} HTML.`);
  console.log(`Cold wall time hugo/bantin: ${r} (median of pairs ${hugo.ratioPerPair.join(', ')}) — ${r >= 1 ? `bantin ${r}× faster` : `hugo ${round(1 / r)}× faster`}.`);
}

/** Runs the whole benchmark and writes the results file. */
async function main() {
  const opts = options();
  await requireGnuTime();
  const hugo = opts.compareHugo ? hugoVersion() : null;
  if (opts.compareHugo && !hugo) console.log('hugo is not on PATH: the Hugo comparison is skipped.');
  console.log(`Generating ${opts.articles} articles…`);
  const { site, editFile } = await makeSite(opts.articles);
  const hugoSite = hugo ? await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-hugo-')) : null;
  try {
    if (hugoSite) await writeHugoSite(site, hugoSite);
    const lib = await libStamp();
    const results = await measure(opts, site, editFile, hugoSite, hugo);
    results.libChangedDuringRun = lib !== (await libStamp());
    if (results.libChangedDuringRun) console.log('\nWarning: lib/ was recompiled during the run, so the scenarios measured different builds of bantin.');
    report(results);
    await writeFile(opts.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results written to ${path.relative(process.cwd(), opts.out) || opts.out}`);
  } finally {
    if (opts.keep) console.log(`Kept: ${site}${hugoSite ? ` and ${hugoSite}` : ''}`);
    else await Promise.all([site, hugoSite].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
