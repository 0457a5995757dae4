import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { isInsideFolder } from '../fs-path.js';
import { parseTimestamp } from '../vi/timestamp.js';
import { isValidTimeZone } from '../vi/zone.js';
import { DEFAULTS, LAYOUT } from './defaults.js';
import type { BuildOptions, ResolvedConfig, UserConfig } from './types.js';

/** The default theme shipped with bantin. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Merges defaults, the site's config and command-line options into a frozen ResolvedConfig. */
export function resolveConfig(
  options: BuildOptions,
  raw: unknown,
  configFile: string | null,
): { config: ResolvedConfig; diagnostics: Diagnostic[] } {
  const configName = configFile ? toSitePath(options.root, configFile) : 'config';
  const { user, diagnostics } = validateUserConfig(raw, configName);
  const merged = { ...DEFAULTS, ...user };
  const baseUrlText = (options.baseUrl ?? merged.baseUrl).replace(/\/+$/, '');
  const base = parseBaseUrl(baseUrlText);
  if (options.baseUrl !== undefined && base === undefined) throw new UsageError(`--base-url is not an absolute http(s) URL: ${options.baseUrl}`);
  if (base === undefined) diagnostics.push(error('baseUrl is not an absolute http(s) URL', { file: configName, field: 'baseUrl', hint: 'Write it like "https://baotinh.vn".' }));
  const paths = resolvePaths(options);
  const config: ResolvedConfig = {
    ...paths,
    cacheDir: path.resolve(options.root, merged.cacheDir),
    configFile,
    title: merged.title,
    description: merged.description,
    baseUrl: base?.url ?? '',
    basePath: base?.path ?? '',
    timeZone: merged.timeZone,
    perPage: merged.perPage,
    ...LAYOUT,
    categories: Object.freeze([...merged.categories]),
    authors: Object.freeze({ ...merged.authors }),
    author: merged.author,
    trustedHtml: merged.trustedHtml,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: parseNow(options.now, merged.timeZone),
  };
  return { config: Object.freeze(config), diagnostics };
}

function parseBaseUrl(text: string): { url: string; path: string } | undefined {
  if (text === '') return { url: '', path: '' };
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return { url: text, path: url.pathname.replace(/\/+$/, '') };
  } catch {
    return undefined;
  }
}

function parseNow(now: string | undefined, timeZone: string): number {
  if (now === undefined) return Date.now();
  const parsed = parseTimestamp(now, timeZone);
  if (!parsed.ok) throw new UsageError(`--now ${parsed.message}; write e.g. 2024-09-13T18:00:00+07:00`);
  return parsed.value.epochMs;
}

function resolvePaths(options: BuildOptions): Pick<ResolvedConfig, 'root' | 'contentDir' | 'outDir' | 'templateDirs' | 'staticDir'> {
  const root = path.resolve(options.root);
  const contentDir = path.resolve(root, options.content ?? 'content');
  if (!isDirectory(contentDir)) throw new UsageError(`content folder not found: ${options.content ?? 'content'}`);
  const outDir = path.resolve(root, options.out ?? 'dist');
  checkOutDir(outDir, [root, contentDir]);
  const siteTemplates = path.resolve(root, options.templates ?? 'templates');
  if (options.templates !== undefined && !isDirectory(siteTemplates)) throw new UsageError(`templates folder not found: ${options.templates}`);
  const templateDirs = isDirectory(siteTemplates) && siteTemplates !== path.resolve(BUILTIN_TEMPLATES) ? [siteTemplates, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
  const staticDir = path.join(root, 'static');
  return { root, contentDir, outDir, templateDirs: Object.freeze(templateDirs), staticDir: isDirectory(staticDir) ? staticDir : null };
}

/** The output folder is replaced whole on every build, so it must not hold the site's sources. */
function checkOutDir(outDir: string, protectedDirs: string[]): void {
  for (const dir of protectedDirs) {
    if (isInsideFolder(outDir, dir)) {
      throw new UsageError(`--out ${outDir} would replace ${dir}; choose a folder of its own, such as dist/`);
    }
  }
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** A path relative to the site root with forward slashes, as diagnostics show it. */
export function toSitePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

type Check = (value: unknown) => boolean;
const CHECKS: Record<keyof UserConfig, [Check, string]> = {
  title: [(v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string'],
  description: [(v) => typeof v === 'string', 'a string'],
  author: [(v) => typeof v === 'string', 'a string'],
  trustedHtml: [(v) => typeof v === 'boolean', 'true or false'],
  baseUrl: [(v) => typeof v === 'string', 'a string such as "https://baotinh.vn"'],
  timeZone: [(v) => typeof v === 'string' && isValidTimeZone(v), 'an IANA time zone such as "Asia/Ho_Chi_Minh"'],
  perPage: [(v) => Number.isInteger(v) && (v as number) > 0, 'a whole number above 0'],
  categories: [(v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && c.trim() !== ''), 'a list of category names'],
  cacheDir: [(v) => typeof v === 'string' && v.trim() !== '', 'a folder path such as ".bantin-cache"'],
  authors: [isAuthorProfiles, 'an object of author names, each { "bio": "…", "photo": "/anh/…" }'],
};

/** Whether a value is a map of author names to profiles with only text "bio" and "photo". */
function isAuthorProfiles(value: unknown): boolean {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(value) && Object.entries(value).every(([name, profile]) =>
    name.trim() !== '' && isObject(profile) && Object.entries(profile).every(([k, v]) => (k === 'bio' || k === 'photo') && typeof v === 'string'));
}

/** A valid config value in NFC, the one form the rest of the code compares. */
function normalised(key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (key === 'categories') return (value as string[]).map((c) => c.normalize('NFC'));
  if (key === 'authors') {
    const profiles = Object.entries(value as Record<string, Record<string, string>>);
    return Object.fromEntries(profiles.map(([name, p]) => [name.normalize('NFC'), Object.freeze(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.normalize('NFC')])))]));
  }
  return value;
}

function validateUserConfig(raw: unknown, file: string): { user: UserConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { user: {}, diagnostics: [error('the config must be an object', { file })] };
  }
  const user: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const check = CHECKS[key as keyof UserConfig];
    if (!check) {
      diagnostics.push(warning(`unknown config key "${key}" is ignored`, { file, field: key, hint: `Known keys: ${Object.keys(CHECKS).join(', ')}.` }));
    } else if (!check[0](value)) {
      diagnostics.push(error(`must be ${check[1]}`, { file, field: key }));
    } else {
      user[key] = normalised(key, value);
    }
  }
  return { user: user as UserConfig, diagnostics };
}
