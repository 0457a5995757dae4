import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { toSitePath } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/types.js';
import { hasErrors } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { articleUrl } from '../model/urls.js';
import { discoverArticles, loadArticles } from '../source/index.js';
import { isoWithOffset, yearKey } from '../vi/dates.js';
import { MAX_NAME_LENGTH, slugTrouble } from '../source/paths.js';
import { slugify } from '../vi/slugify.js';
import { ACCEPTED_TIMESTAMP_FORMATS, parseTimestamp, timestampAt, type Timestamp } from '../vi/timestamp.js';
import { EXIT, buildOptionsOf, loadSiteConfig, type Command, type OptionValues } from './command.js';
import { reportDiagnostics } from './report.js';

/** What `bantin new` was asked for, checked and NFC-normalised. */
export interface NewArticleRequest {
  readonly title: string;
  readonly category: string;
  /** From --author; undefined when the config's default applies. */
  readonly author: string | undefined;
  /** From --date, as written; undefined for "now". */
  readonly date: string | undefined;
}

/** The front-matter values of a new article. */
export interface NewArticleFields {
  readonly title: string;
  readonly author: string;
  readonly timestamp: Timestamp;
  readonly category: string;
}

const NEW_OPTIONS = {
  category: { type: 'string' },
  author: { type: 'string' },
  date: { type: 'string' },
  content: { type: 'string' },
  config: { type: 'string' },
  now: { type: 'string' },
} as const;

const NEW_HELP = `  --category NAME   the article's category (chuyên mục), e.g. "Thời sự" (required)
  --author NAME     the author (tác giả) (default: "author" in the config)
  --date TIME       publication time, e.g. "2024-09-13 18:13" or "13/09/2024 18:13",
                    read in the site time zone (default: now)
  --content DIR     folder of Markdown articles (default: content)
  --config FILE     config file (default: bantin.config.js, .mjs or .json, when present)
  --now ISO         the time taken as "now", e.g. 2024-09-13T18:00:00+07:00`;

/** `bantin new`: creates a Markdown article with its Vietnamese front-matter filled in, under a free slug. */
export const newCommand: Command = {
  name: 'new',
  summary: 'Create a new article with its front-matter filled in',
  synopsis: '"<tiêu đề>" --category "<chuyên mục>" [options]',
  help: NEW_HELP,
  options: NEW_OPTIONS,
  allowPositionals: true,
  async run(values, positionals, { terminal, root }) {
    const request = readNewArticleRequest(values, positionals);
    const { config, diagnostics } = await loadSiteConfig(buildOptionsOf(values, root));
    reportDiagnostics(terminal, diagnostics);
    if (hasErrors(diagnostics)) {
      terminal.err('No article was created: fix the config errors above first.');
      return EXIT.contentErrors;
    }
    const fields = newArticleFields(request, config);
    const file = await createArticleFile(config, fields);
    terminal.out(toSitePath(config.root, file));
    return EXIT.ok;
  },
};

/** Checks the title positional and the options of `bantin new`; mistakes throw UsageError. */
export function readNewArticleRequest(values: OptionValues, positionals: readonly string[]): NewArticleRequest {
  if (positionals.length === 0) throw new UsageError('missing the title: bantin new "<tiêu đề>" --category "<chuyên mục>"');
  if (positionals.length > 1) {
    throw new UsageError(`expected one title, got ${positionals.length} arguments (${positionals.map((p) => `"${p}"`).join(' ')}); put the title in quotes`);
  }
  const title = cleanText(positionals[0]!);
  if (slugify(title) === '') throw new UsageError(`the title "${title}" gives an empty URL slug; use a title with letters or digits`);
  const category = cleanText(optionText(values, 'category') ?? '');
  if (category === '') throw new UsageError('missing --category, e.g. --category "Thời sự"');
  if (slugify(category) === '') throw new UsageError(`the category "${category}" gives an empty URL slug; use a name with letters or digits`);
  const author = optionText(values, 'author');
  return { title, category, author: author === undefined ? undefined : cleanText(author), date: optionText(values, 'date') };
}

/** Fills in author, timestamp and the category's preferred spelling from the site config. */
export function newArticleFields(request: NewArticleRequest, config: ResolvedConfig): NewArticleFields {
  const author = request.author ?? cleanText(config.author);
  if (author === '') throw new UsageError('no author: pass --author "Tên tác giả" or set "author" in the config (bantin.config.json)');
  return {
    title: request.title,
    author,
    timestamp: newArticleTimestamp(request.date, config),
    category: preferredCategory(request.category, config.categories),
  };
}

/** The article's time: --date read in the site zone, else the config's "now"; cut to the minute. */
export function newArticleTimestamp(date: string | undefined, config: Pick<ResolvedConfig, 'now' | 'timeZone'>): Timestamp {
  let epochMs = config.now;
  if (date !== undefined) {
    const parsed = parseTimestamp(date, config.timeZone);
    if (!parsed.ok) throw new UsageError(`--date ${parsed.message}; accepted formats: ${ACCEPTED_TIMESTAMP_FORMATS.join(', ')}`);
    epochMs = parsed.value.epochMs;
  }
  return timestampAt(Math.floor(epochMs / 60_000) * 60_000, config.timeZone);
}

/** The config's spelling of a category with the same slug ("thời sự" → "Thời sự"), else the name as given. */
export function preferredCategory(category: string, configured: readonly string[]): string {
  const slug = slugify(category);
  return configured.find((name) => slugify(name) === slug) ?? category;
}

/**
 * The text of a new article: Vietnamese front-matter with JSON-quoted values, then an empty body.
 * A `slug` line is written only when the slug is not the title's own (a taken one got a suffix).
 */
export function newArticleText(fields: NewArticleFields, slug = slugify(fields.title)): string {
  const quote = (text: string) => JSON.stringify(text);
  const lines = [
    '---',
    `tiêu_đề: ${quote(fields.title)}`,
    ...(slug === slugify(fields.title) ? [] : [`slug: ${quote(slug)}`]),
    `tác_giả: ${quote(fields.author)}`,
    `thời_gian: ${isoWithOffset(fields.timestamp)}`,
    `chuyên_mục: ${quote(fields.category)}`,
    'sapo: ""',
    'từ_khóa: []',
    'nháp: false',
    '---',
    '',
    '',
  ];
  return lines.join('\n').normalize('NFC');
}

/** A title's slug cut to the length a file name allows, at a hyphen where one is near the limit. */
export function usableSlug(slug: string): string {
  if (slug.length <= MAX_NAME_LENGTH - 4) return slug;
  const cut = slug.slice(0, MAX_NAME_LENGTH - 4);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > MAX_NAME_LENGTH / 2 ? cut.slice(0, hyphen) : cut.replace(/-+$/, '');
}

/** The slug tried on the n-th attempt: the title's slug, then slug-2, slug-3, … */
export function slugCandidate(base: string, attempt: number): string {
  return attempt === 1 ? base : `${base}-${attempt}`;
}

/**
 * Writes the article to <content>/<category-slug>/<yyyy>/<slug>.md under the first slug whose file
 * does not exist and whose URL no existing article uses (the slug goes in the front-matter too, so
 * the URL follows); `wx` makes a race fail instead of overwrite.
 */
export async function createArticleFile(config: ResolvedConfig, fields: NewArticleFields): Promise<string> {
  const categorySlug = slugify(fields.category);
  const folder = path.join(config.contentDir, categorySlug, yearKey(fields.timestamp.local));
  const taken = await takenUrls(config);
  const base = usableSlug(slugify(fields.title));
  await mkdir(folder, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const slug = slugCandidate(base, attempt);
    const file = path.join(folder, `${slug}.md`);
    if (slugTrouble(slug) || taken.has(urlKey(`/${categorySlug}/${slug}/`)) || existsSync(file)) continue;
    try {
      await writeFile(file, newArticleText(fields, slug), { flag: 'wx' });
      return file;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    }
  }
}

/** Every URL existing articles use (their own and their aliases); unreadable articles are skipped. */
async function takenUrls(config: ResolvedConfig): Promise<Set<string>> {
  const files = await discoverArticles(config.contentDir, config.root);
  const { articles } = await loadArticles(files, config.timeZone);
  return new Set(articles.flatMap((article) => [articleUrl(article), ...article.aliases].map(urlKey)));
}

/** "/thoi-su/a/" and "/thoi-su/a" land on the same path of a static host: compare them as one. */
function urlKey(url: string): string {
  return url.replace(/\/+$/, '');
}

function optionText(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** NFC, with runs of whitespace (newlines included) folded to one space and the ends trimmed. */
function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
