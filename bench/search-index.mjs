// Size and speed of the search index on synthetic Vietnamese articles (~400 words each).
// Usage: npm run compile && node bench/search-index.mjs [--articles 10000] [--out DIR] [--keep]
// Builds the index article by article as a build would (fragments written right away), writes every
// file under DIR (a temporary folder by default, removed unless --keep), then reports build time,
// memory, file count, total size, and what the queries download and how long they take.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { SearchIndexBuilder } from '../lib/search/builder.js';
import { loadSearchClient } from '../lib/search/query.js';
import { SENTENCES as ARCHIVE_SENTENCES, random } from './generate-archive.mjs';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, out: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const COUNT = Number(values.articles);
const OUT = path.resolve(values.out ?? path.join(os.tmpdir(), `bantin-search-bench-${COUNT}`));
const ASSETS = fileURLToPath(new URL('../templates/assets/', import.meta.url));
const QUERIES = ['thi dua', 'duong', 'Da Nang', 'khen thuong', 'nong thon moi', 'cac', 'hop tac xa hoa binh'];
/** Rendering speed of a build today, per core: the budget is 30% on top of it. */
const RENDER_PER_SECOND = 1500;

// ---- Synthetic text: common news sentences, a Zipf-distributed syllable vocabulary, numbers and rare words.
const SENTENCES = [...ARCHIVE_SENTENCES.slice(0, 7), ARCHIVE_SENTENCES[8], ARCHIVE_SENTENCES[9], 'Đoàn công tác đã đến thăm Hợp tác xã Hòa Bình và khu du lịch Đà Nẵng.'];
const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ia', 'ua', 'ưa', 'iê', 'uô', 'ươ', 'oa', 'oe'];
const CODAS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

const rand = random(42);
const pick = (list) => list[Math.floor(rand() * list.length)];
/** A Zipf-like rank in [0, size): small ranks are much more frequent. */
const zipf = (size) => Math.floor(Math.exp(rand() * Math.log(size + 1))) - 1;
const SYLLABLES = Array.from({ length: 8000 }, () => (pick(ONSETS) + pick(VOWELS) + TONES[Math.floor(rand() * 6)] + pick(CODAS)).normalize('NFC'));
const RARE = Array.from({ length: 200_000 }, () => Array.from({ length: 4 + Math.floor(rand() * 6) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join(''));

function word() {
  const r = rand();
  if (r < 0.04) return String(zipf(100_000));
  if (r < 0.05) return RARE[zipf(RARE.length)];
  return SYLLABLES[zipf(SYLLABLES.length)];
}

function article(id) {
  const parts = [];
  let words = 0;
  const length = 300 + Math.floor(rand() * 200);
  while (words < length) {
    const sentence = rand() < 0.5 ? pick(SENTENCES) : `${Array.from({ length: 12 }, word).join(' ')}.`;
    parts.push(sentence);
    words += sentence.split(' ').length;
  }
  const title = `${Array.from({ length: 8 }, word).join(' ')} (số ${id})`;
  return { href: `/thoi-su/bai-${id}/`, title, summary: pick(SENTENCES), date: '13.09.2024 | 18:13', category: 'Thời sự', text: parts.join(' ') };
}

// ---- Build, timing (in CPU time, so other processes do not count) only the builder and the files'
// contents, not text generation or disk.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const made = new Set();
function write(outputPath, content) {
  const target = path.join(OUT, outputPath);
  const dir = path.dirname(target);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
  writeFileSync(target, content);
}

rmSync(OUT, { recursive: true, force: true });
const builder = new SearchIndexBuilder({ basePath: '', articles: COUNT });
let buildMs = 0;
let writeMs = 0;
let bytes = 0;
let files = 0;
let peakRss = 0;
const termFileSizes = [];
const sizeOf = (content) => (typeof content === 'string' ? Buffer.byteLength(content) : content.length);
const BATCH = 500;
/** Makes the contents of files (timed as building) and writes them (timed apart). */
function timedWrite(batch, madeAt) {
  const contents = batch.map((file) => file.content());
  buildMs += cpuMs() - madeAt;
  const t = performance.now();
  batch.forEach((file, k) => {
    bytes += sizeOf(contents[k]);
    if (file.outputPath.includes('/t/')) termFileSizes.push(sizeOf(contents[k]));
    write(file.outputPath, contents[k]);
  });
  writeMs += performance.now() - t;
  files += batch.length;
}
for (let first = 0; first < COUNT; first += BATCH) {
  const entries = Array.from({ length: Math.min(BATCH, COUNT - first) }, (_, k) => article(first + k));
  const t = cpuMs();
  timedWrite(entries.flatMap((entry, k) => builder.add(first + k, entry)), t);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const docFiles = files;
timedWrite(builder.finish(), cpuMs());
peakRss = Math.max(peakRss, process.memoryUsage().rss);

// ---- Queries, against the files on disk, counting every byte fetched.
const client = loadSearchClient();
const fixed = ['search.js', 'search.css'].map((name) => readFileSync(path.join(ASSETS, name)));
const fixedBytes = fixed.reduce((sum, b) => sum + b.length, 0);
const fixedGzip = fixed.reduce((sum, b) => sum + gzipSync(b).length, 0);

async function measure(query) {
  const fetched = new Map();
  const fetchText = async (url) => {
    const file = path.join(OUT, 'tim-kiem/chi-muc', url.slice('/tim-kiem/chi-muc/'.length).replace(/\?.*$/, ''));
    const buffer = await readFile(file).catch(() => null);
    if (buffer) fetched.set(url, buffer);
    return buffer && buffer.toString('utf8');
  };
  const start = performance.now();
  const answer = await client.search('/tim-kiem/chi-muc/', query, fetchText);
  const hits = await client.loadHits('/tim-kiem/chi-muc/', answer, answer.ids.slice(0, 10), fetchText);
  const ms = performance.now() - start;
  const termFiles = [...fetched].filter(([url]) => url.includes('/t/')).map(([, buffer]) => buffer.toString('utf8'));
  const cpu = performance.now();
  const postings = answer.terms.map((term) => termFiles.map((file) => client.findPostings(file, term)).find((p) => p !== null));
  if (postings.every((p) => p)) client.intersect(postings.map(client.decodePostings));
  const cpuMs = performance.now() - cpu;
  const buffers = [...fetched.values()];
  const termBytes = termFiles.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const total = buffers.reduce((sum, b) => sum + b.length, fixedBytes);
  const gzip = buffers.reduce((sum, b) => sum + gzipSync(b).length, fixedGzip);
  return { query, results: answer.ids.length, shown: hits.length, termBytes, total, gzip, ms, cpuMs };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`articles: ${COUNT}, distinct terms: ${builder.size.terms}, postings held while building: ${(builder.size.postingBytes / 2 ** 20).toFixed(1)} MB`);
console.log(`build (index only, CPU time): ${(buildMs / 1000).toFixed(2)} s = ${((buildMs / COUNT) * 1000).toFixed(0)} µs/article = ${((buildMs / 1000 / (COUNT / RENDER_PER_SECOND)) * 100).toFixed(1)}% of a ${RENDER_PER_SECOND}/s render`);
console.log(`writing files (sync, wall time on this machine): ${(writeMs / 1000).toFixed(2)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
console.log(`files: ${files} (${docFiles} fragments, ${files - docFiles - 1} term files, meta.json); total ${(bytes / 2 ** 20).toFixed(1)} MB`);
termFileSizes.sort((a, b) => a - b);
console.log(`term files: median ${kb(termFileSizes[termFileSizes.length >> 1])}, 99th percentile ${kb(termFileSizes[Math.floor(termFileSizes.length * 0.99)])}, largest ${kb(termFileSizes.at(-1))}`);
console.log(`fixed cost: search.js + search.css ${kb(fixedBytes)} (${kb(fixedGzip)} gzip), meta.json ${kb(readFileSync(path.join(OUT, 'tim-kiem/chi-muc/meta.json')).length)}`);
for (const query of [...QUERIES, RARE[50], RARE[5000]]) {
  const m = await measure(query);
  console.log(`"${m.query}": ${m.results} results; downloads ${kb(m.total)} (${kb(m.gzip)} gzip): term files ${kb(m.termBytes)}, ${m.shown} fragments, meta, fixed cost; ${m.ms.toFixed(1)} ms (find + decode + intersect ${m.cpuMs.toFixed(1)} ms)`);
}
if (!values.keep) rmSync(OUT, { recursive: true, force: true });
else console.log(`index kept in ${OUT}`);
