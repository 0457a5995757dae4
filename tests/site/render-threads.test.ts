import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildThreads } from '../../src/build.js';
import { cachedBuild } from '../../src/cache/index.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { BuildOptions } from '../../src/config/types.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { fixturePath, repoRoot } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

// Tests run from source; the render threads run the compiled module (npm test compiles first).
const THREADS: BuildThreads = { threads: 2, minAmount: 0, compiledDir: pathToFileURL(path.join(repoRoot, 'lib/')).href };

const caches: string[] = [];
afterAll(async () => {
  for (const dir of caches) await rm(dir, { recursive: true, force: true });
});

/** A fresh build cache folder. */
async function newCache(): Promise<string> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bantin-threads-'));
  caches.push(cacheDir);
  return cacheDir;
}

/** Builds a site into memory, on this thread or on render threads; both builds of a site share one image cache. */
async function buildInMemory(root: string, options: Omit<BuildOptions, 'root'>, cacheDir: string, threads?: BuildThreads) {
  const { config, diagnostics } = resolveConfig({ root, now: '2026-01-01T00:00:00+07:00', ...options }, { cacheDir }, null);
  const writer = new MemoryWriter();
  const searchTexts: string[] = [];
  const result = await build(config, writer, diagnostics, { ...(threads ? { threads: threads } : {}), onSearchEntry: (contentPath, key, record) => searchTexts.push(`${contentPath} ${key} ${record.digest} ${record.terms.length}`) });
  const files = new Map(writer.paths().map((p) => [p, Buffer.from(writer.files.get(p)!).toString('base64')]));
  return { result, files, searchTexts };
}

describe('parsing and rendering on threads', () => {
  const sites: [string, string, Omit<BuildOptions, 'root'>][] = [
    ['the example archive', repoRoot, {}],
    ['the portal fixture', fixturePath('portal'), {}],
    ['tags and authors', fixturePath('tags-authors'), {}],
    ['a themed site', fixturePath('themed'), {}],
    ['raw HTML bodies', fixturePath('raw-html'), {}],
    ['hostile front-matter', fixturePath('hostile'), {}],
  ];

  it.each(sites)('writes the same bytes as a render on one thread: %s', async (_name, root, options) => {
    const cacheDir = await newCache();
    const here = await buildInMemory(root, options, cacheDir);
    const threaded = await buildInMemory(root, options, cacheDir, THREADS);
    expect(threaded.result.ok).toBe(here.result.ok);
    expect(threaded.result.pagesWritten).toBe(here.result.pagesWritten);
    expect(threaded.result.pagesWritten).toBeGreaterThan(0);
    expect([...threaded.files.keys()].sort()).toEqual([...here.files.keys()].sort());
    for (const [file, bytes] of here.files) expect(threaded.files.get(file), file).toBe(bytes);
    expect(threaded.searchTexts).toEqual(here.searchTexts);
    expect(threaded.result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual(here.result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`));
  });

  it('reports the same problems of broken files, in the same order, as a load on one thread', async () => {
    const cacheDir = await newCache();
    const here = await buildInMemory(fixturePath('broken'), {}, cacheDir);
    const threaded = await buildInMemory(fixturePath('broken'), {}, cacheDir, THREADS);
    const shown = (d: { file?: string | undefined; line?: number | undefined; field?: string | undefined; message: string }) => `${d.file}:${d.line}:${d.field}: ${d.message}`;
    expect(here.result.diagnostics.length).toBeGreaterThan(3);
    expect(threaded.result.diagnostics.map(shown)).toEqual(here.result.diagnostics.map(shown));
    expect(threaded.result.ok).toBe(here.result.ok);
  });

  it('reports a failing template once, as a render on one thread does, and writes nothing', async () => {
    const options = { templates: fixturePath('bad-templates') };
    const cacheDir = await newCache();
    const here = await buildInMemory(fixturePath('portal'), options, cacheDir);
    const threaded = await buildInMemory(fixturePath('portal'), options, cacheDir, THREADS);
    expect(here.result.ok).toBe(false);
    expect(threaded.result.ok).toBe(false);
    expect(threaded.result.diagnostics.map((d) => d.message)).toEqual(here.result.diagnostics.map((d) => d.message));
    expect(threaded.files.size).toBe(0);
  });
});

describe('rendering on a thread and the build thread together', () => {
  /** A generated archive large enough for many batches: some go to the thread, the rest are rendered on the build thread. */
  async function generatedSite(articles: number): Promise<string> {
    const site = await newCache();
    const generator = pathToFileURL(path.join(repoRoot, 'bench', 'generate-archive.mjs')).href;
    const { generateArchive } = (await import(generator)) as { generateArchive: (folder: string, count: number, seed: number) => Promise<string[]> };
    await generateArchive(site, articles, 3);
    return site;
  }

  it('writes the same bytes and search index as one thread, into memory and into a staging folder', async () => {
    const site = await generatedSite(600);
    const one = { ...THREADS, threads: 1 };
    const cacheDir = await newCache();
    const here = await buildInMemory(site, {}, cacheDir);
    const threaded = await buildInMemory(site, {}, cacheDir, one);
    expect(here.result.pagesWritten).toBeGreaterThan(1000);
    expect(threaded.files).toEqual(here.files);
    expect(threaded.searchTexts).toEqual(here.searchTexts);

    const { config, diagnostics } = resolveConfig({ root: site, now: '2026-01-01T00:00:00+07:00' }, {}, null);
    const staged = await cachedBuild(config, diagnostics, { threads: one }, {});
    expect(staged.result.ok).toBe(true);
    // the fingerprints the threads took are right: files touched but not changed (a fresh clone) are found unchanged
    const later = new Date(Date.now() + 60_000);
    for (const file of await readdir(path.join(site, 'content'), { recursive: true })) if (file.endsWith('.md')) await utimes(path.join(site, 'content', file), later, later);
    const touched = await cachedBuild(config, diagnostics, { threads: one }, {});
    expect(touched.mode === 'warm' && touched.result.changedSources).toBe(0);
    const onDisk = await snapshot(path.join(site, 'dist'));
    expect(onDisk.size).toBe(here.files.size);
    for (const [file, bytes] of here.files) expect(onDisk.get(file), file).toBe(createHash('sha1').update(Buffer.from(bytes, 'base64')).digest('hex'));
  }, 120_000);
});

describe('rendering on threads into a staging folder', () => {
  const ARTICLE = 'thoi-su/2024/canh-giac-thu-doan-gia-danh-cong-an-goi-dien-lua-dao-nguoi-cao-tuoi.md';

  /** A copy of the example archive's content, built with the build cache; returns the site folder. */
  async function exampleSite(): Promise<string> {
    const site = await newCache();
    await cp(path.join(repoRoot, 'content'), path.join(site, 'content'), { recursive: true });
    return site;
  }

  const cachedIn = (site: string, threads?: BuildThreads) => {
    const { config, diagnostics } = resolveConfig({ root: site, now: '2026-01-01T00:00:00+07:00' }, {}, null);
    return cachedBuild(config, diagnostics, threads ? { threads: threads } : {}, {});
  };

  it('writes the pages itself, and the build cache records their hashes as a one-thread build does', async () => {
    const one = await exampleSite();
    const two = await exampleSite();
    expect((await cachedIn(one)).mode).toBe('cold');
    // the same processed images for both (encoders need not give the same bytes twice)
    await cp(path.join(one, '.bantin-cache', 'images'), path.join(two, '.bantin-cache', 'images'), { recursive: true });
    const threaded = await cachedIn(two, THREADS);
    expect(threaded.mode).toBe('cold');
    expect(threaded.result.ok).toBe(true);
    expect(await snapshot(path.join(two, 'dist'))).toEqual(await snapshot(path.join(one, 'dist')));

    // a warm build trusts the hashes the threads sent: it rewrites exactly what a one-thread build's cache does
    for (const site of [one, two]) {
      const file = path.join(site, 'content', ARTICLE);
      await writeFile(file, `${await readFile(file, 'utf8')}\nĐoạn bổ sung.\n`);
    }
    const [warmOne, warmTwo] = [await cachedIn(one), await cachedIn(two)];
    expect(warmTwo.mode).toBe('warm');
    expect(warmOne.mode === 'warm' && warmOne.result.filesWritten).toBeGreaterThan(0);
    expect(warmTwo.mode === 'warm' && warmTwo.result.filesWritten).toBe(warmOne.mode === 'warm' && warmOne.result.filesWritten);
    expect(await snapshot(path.join(two, 'dist'))).toEqual(await snapshot(path.join(one, 'dist')));
  }, 60_000);
});
