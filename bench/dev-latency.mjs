// Time from saving an article to the new page being served by `bantin dev`, on a generated archive.
// Usage: npm run bench:dev -- [--articles 10000] [--edits 20] [--kind text|move]
//   text: an edit of the body (the article stays where it is); move: the article moves to another
//   existing category (new URL, both category lists, neighbours), so lists and routes are rebuilt.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArchive } from './generate-archive.mjs';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, edits: { type: 'string', default: '20' }, kind: { type: 'string', default: 'text' } } });
const bin = fileURLToPath(new URL('../bin/bantin.js', import.meta.url));
const site = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-dev-'));
const articles = Number(values.articles);
const urls = await generateArchive(site, articles, 7);
// a real site has a base URL, so feeds and sitemaps are kept current on every save too
await writeFile(path.join(site, 'bantin.config.json'), JSON.stringify({ title: 'Báo Thử', baseUrl: 'https://baotinh.vn' }));

const dev = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd: site, env: { ...process.env, NO_COLOR: '1' } });
let output = '';
dev.stdout.on('data', (chunk) => (output += chunk));
dev.stderr.on('data', (chunk) => (output += chunk));
const startedAt = performance.now();
const base = await new Promise((resolve) => {
  const check = () => {
    const url = /Serving (\S+)/.exec(output)?.[1];
    if (url) resolve(url);
    else setTimeout(check, 20);
  };
  check();
});
console.log(`dev ready on ${articles} articles after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);

/** Finds the file of an article by its URL slug. */
async function fileOf(url) {
  const { default: fg } = await import('fast-glob');
  const [, category, slug] = url.split('/');
  const [file] = await fg(`content/${category}/*/${slug}.md`, { cwd: site, absolute: true });
  return file;
}

const latencies = [];
for (let i = 0; i < Number(values.edits); i++) {
  const url = urls[Math.floor((i * 7919) % urls.length)];
  const file = await fileOf(url);
  const marker = `Bản sửa số ${i} lúc ${Date.now()}`;
  const text = await readFile(file, 'utf8');
  const [name, slug] = url.startsWith('/kinh-te/') ? ['Xã hội', 'xa-hoi'] : ['Kinh tế', 'kinh-te'];
  const moved = text.replace(/^(category|chuyên_mục|chuyen_muc): .*$/m, (_, key) => `${key}: ${name}`);
  const target = values.kind === 'move' ? url.replace(/^\/[^/]+\//, `/${slug}/`) : url;
  const saveStart = performance.now();
  await writeFile(file, (values.kind === 'move' ? moved : text).replace(/\n---\n/, `\n---\n${marker}\n\n`));
  for (;;) {
    const page = await fetch(new URL(target.slice(1), base)).then((r) => r.text());
    if (performance.now() - saveStart > 5000) throw new Error(`edit ${i} of ${url} not served after 5 s; dev output:
${output.slice(-800)}`);
    if (page.includes(marker)) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  latencies.push(performance.now() - saveStart);
  await new Promise((r) => setTimeout(r, 150));
}
dev.kill('SIGTERM');
await new Promise((r) => dev.once('exit', r));
await rm(site, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
console.log(`save → served, ${latencies.length} ${values.kind} edits on ${articles} articles: median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`);
console.log(output.split('\n').filter((l) => l.startsWith('Updated')).slice(-3).join('\n'));
