import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult } from '../../src/build.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { BuildOptions, UserConfig } from '../../src/config/types.js';
import { MemoryWriter } from '../../src/write/writer.js';

/** Folder of a fixture site under tests/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
}

/** A fixture site built into memory. */
export interface BuiltSite {
  readonly result: BuildResult;
  readonly writer: MemoryWriter;
  /** A page's HTML by URL ("/thoi-su/"), failing the test when it was not written. */
  page(url: string): string;
}

/** Builds a site folder into a MemoryWriter with the given options and config. */
export async function buildSite(root: string, options: Omit<BuildOptions, 'root'> = {}, userConfig: UserConfig = {}): Promise<BuiltSite> {
  const { config, diagnostics } = resolveConfig({ root, now: '2026-01-01T00:00:00+07:00', ...options }, userConfig, null);
  const writer = new MemoryWriter();
  const result = await build(config, writer, diagnostics);
  return {
    result,
    writer,
    page(url: string) {
      const file = url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
      const html = writer.text(file);
      if (html === undefined) throw new Error(`no page at ${url}; written: ${writer.paths().join(', ')}`);
      return html;
    },
  };
}

/** Text of the first element matching a simple tag/class pattern, tags stripped and whitespace folded. */
export function textOf(html: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(html);
  return match?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

/** Every href of links inside a fragment, in order. */
export function hrefsIn(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!);
}

/** Path of a file relative to the repository. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const relativeToRepo = (file: string) => path.relative(repoRoot, file);
