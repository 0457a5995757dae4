import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type RenderThreads } from '../../src/build.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { BuildOptions } from '../../src/config/types.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { fixturePath, repoRoot } from '../helpers/site.js';

// Tests run from source; the render threads run the compiled module (npm test compiles first).
const THREADS: RenderThreads = { threads: 2, minRoutes: 0, workerModule: pathToFileURL(path.join(repoRoot, 'lib/render/render-worker.js')).href };

const caches: string[] = [];
afterAll(async () => {
  for (const dir of caches) await rm(dir, { recursive: true, force: true });
});

/** Builds a site into memory, on this thread or on render threads. */
async function buildInMemory(root: string, options: Omit<BuildOptions, 'root'>, threads?: RenderThreads) {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bantin-threads-'));
  caches.push(cacheDir);
  const { config, diagnostics } = resolveConfig({ root, now: '2026-01-01T00:00:00+07:00', ...options }, { cacheDir }, null);
  const writer = new MemoryWriter();
  const searchTexts: string[] = [];
  const result = await build(config, writer, diagnostics, { ...(threads ? { renderThreads: threads } : {}), onSearchEntry: (contentPath, key, record) => searchTexts.push(`${contentPath} ${key} ${record.digest} ${record.terms.length}`) });
  const files = new Map(writer.paths().map((p) => [p, Buffer.from(writer.files.get(p)!).toString('base64')]));
  return { result, files, searchTexts };
}

describe('rendering on threads', () => {
  const sites: [string, string, Omit<BuildOptions, 'root'>][] = [
    ['the example archive', repoRoot, {}],
    ['the portal fixture', fixturePath('portal'), {}],
    ['tags and authors', fixturePath('tags-authors'), {}],
    ['a themed site', fixturePath('themed'), {}],
    ['raw HTML bodies', fixturePath('raw-html'), {}],
    ['hostile front-matter', fixturePath('hostile'), {}],
  ];

  it.each(sites)('writes the same bytes as a render on one thread: %s', async (_name, root, options) => {
    const here = await buildInMemory(root, options);
    const threaded = await buildInMemory(root, options, THREADS);
    expect(threaded.result.ok).toBe(here.result.ok);
    expect(threaded.result.pagesWritten).toBe(here.result.pagesWritten);
    expect(threaded.result.pagesWritten).toBeGreaterThan(0);
    expect([...threaded.files.keys()].sort()).toEqual([...here.files.keys()].sort());
    for (const [file, bytes] of here.files) expect(threaded.files.get(file), file).toBe(bytes);
    expect(threaded.searchTexts).toEqual(here.searchTexts);
    expect(threaded.result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual(here.result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`));
  });

  it('reports a failing template once, as a render on one thread does, and writes nothing', async () => {
    const options = { templates: fixturePath('bad-templates') };
    const here = await buildInMemory(fixturePath('portal'), options);
    const threaded = await buildInMemory(fixturePath('portal'), options, THREADS);
    expect(here.result.ok).toBe(false);
    expect(threaded.result.ok).toBe(false);
    expect(threaded.result.diagnostics.map((d) => d.message)).toEqual(here.result.diagnostics.map((d) => d.message));
    expect(threaded.files.size).toBe(0);
  });
});
