import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { BuildOptions } from '../../src/config/types.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { ACCEPTED_TIMESTAMP_FORMATS } from '../../src/vi/timestamp.js';
import { buildSite, type BuiltSite } from '../helpers/site.js';

/** The fields of a valid article, in the order they are written (title on line 2 … category on line 5). */
const FIELDS: Record<string, string> = { title: 'Bài viết', author: 'Thu Hoài', date: '2024-09-13 18:13', category: 'Thời sự' };

/**
 * An article's text: the four required fields with `changes` applied (a raw YAML value replaces
 * a field, null removes it, a new key is added after "category", on line 6 and on), then the body.
 */
export function articleText(changes: Record<string, string | null> = {}, body = 'Nội dung bài viết.\n'): string {
  const lines = Object.entries({ ...FIELDS, ...changes })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** Hint given with a YAML syntax error. */
export const YAML_HINT = 'Check the quotes and indentation on that line; a value containing ": " or starting with a quote must be quoted as a whole, and indentation must use spaces, not tabs.';
/** Hint given with a timestamp that cannot be read. */
export const DATE_HINT = `Accepted formats: ${ACCEPTED_TIMESTAMP_FORMATS.join(', ')}. Times without an offset are read in the site time zone (Asia/Ho_Chi_Minh).`;
/** Hint given with a file that is not UTF-8. */
export const ENCODING_HINT = 'Save it as UTF-8 (in the editor: "Save with Encoding" → "UTF-8"); older Vietnamese encodings such as TCVN3 (ABC), VNI or Windows-1258 are not read.';
/** Hint given with a symbolic link under content/. */
export const LINK_HINT = 'Copy the file into the content folder instead of linking to it.';
/** Reason given with a name Windows refuses. */
export const WINDOWS_WHY = 'Windows cannot create a file or folder named con, prn, aux, nul, com0–com9 or lpt0–lpt9, so the site could not be built or checked out there';

/** An error as the build reports it, for exact comparison. */
export function err(file: string, line: number | undefined, field: string | undefined, message: string, hint: string): Diagnostic {
  return { severity: 'error', file, message, hint, ...(line === undefined ? {} : { line }), ...(field === undefined ? {} : { field }) };
}

/** A warning as the build reports it, for exact comparison. */
export function warn(file: string, message: string, hint: string): Diagnostic {
  return { severity: 'warning', file, message, hint };
}

/** A temporary folder for this test file, removed after its tests. */
export async function scratchFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bantin-${prefix}-`));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

let sites = 0;

/** A new site folder under `parent` whose content/ holds `files` (text or raw bytes, by path under content/). */
export async function siteWith(parent: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const root = path.join(parent, `site-${++sites}`);
  await mkdir(path.join(root, 'content'), { recursive: true });
  const entries = Object.entries(files).map(([name, content]) => [path.join(root, 'content', name), content] as const);
  for (const folder of new Set(entries.map(([file]) => path.dirname(file)))) await mkdir(folder, { recursive: true });
  for (let i = 0; i < entries.length; i += 200) await Promise.all(entries.slice(i, i + 200).map(([file, content]) => writeFile(file, content)));
  return root;
}

/** Builds a site made of `files` into memory; checks that the site folder itself was left untouched. */
export async function buildFiles(parent: string, files: Record<string, string | Uint8Array>, options: Omit<BuildOptions, 'root'> = {}): Promise<BuiltSite> {
  const root = await siteWith(parent, files);
  const before = await snapshot(root);
  const site = await buildSite(root, { baseUrl: 'https://baotinh.vn', ...options });
  expect(await snapshot(root)).toEqual(before);
  expectInsideOutput(site.writer.paths());
  return site;
}

/** Diagnostics about files under content/ (others, about the config or the theme, are not these tests' concern). */
export function contentDiagnostics(site: BuiltSite): Diagnostic[] {
  return site.result.diagnostics.filter((d) => d.file?.startsWith('content/'));
}

/** The build failed with exactly `diagnostics` and wrote nothing at all. */
export function expectRejected(site: BuiltSite, diagnostics: Diagnostic[]): void {
  expect(contentDiagnostics(site)).toEqual(diagnostics);
  expect(site.result.ok).toBe(false);
  expect(site.writer.paths()).toEqual([]);
  expect(site.writer.committed).toBe(false);
}

/** The build succeeded with exactly `diagnostics` (warnings) and committed. */
export function expectBuilt(site: BuiltSite, articles: number, diagnostics: Diagnostic[] = []): void {
  expect(contentDiagnostics(site)).toEqual(diagnostics);
  expect(site.result.ok).toBe(true);
  expect(site.result.articles).toBe(articles);
  expect(site.writer.committed).toBe(true);
}

/** Every output path is relative, uses forward slashes and has no "." or ".." name: nothing lands outside --out. */
export function expectInsideOutput(paths: readonly string[]): void {
  const outside = paths.filter((p) => p === '' || p.startsWith('/') || p.includes('\\') || p.split('/').some((s) => s === '' || s === '.' || s === '..'));
  expect(outside).toEqual([]);
}

/** Every file under a folder with its bytes, keyed by relative path (links listed, not followed). */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full);
    if (entry.isSymbolicLink()) files.set(key, 'link');
    else if (entry.isFile()) files.set(key, (await readFile(full)).toString('base64'));
  }
  return files;
}

/** Every page of a built site as one string, to show what text reached readers. */
export function allText(site: BuiltSite): string {
  return site.writer.paths().map((p) => site.writer.text(p) ?? '').join('\n');
}
