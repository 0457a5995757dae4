import { error, type Diagnostic } from '../diagnostics.js';
import { slugify, isCleanSlug } from '../vi/slugify.js';
import { cleanText, quoted } from '../vi/text.js';
import { ACCEPTED_TIMESTAMP_FORMATS, parseTimestamp } from '../vi/timestamp.js';
import { REQUIRED_FIELDS, groupFields, spellingsOf, type FieldName, type FieldValue } from './fields.js';
import { normaliseText, readFrontMatter, type RawFrontMatter } from './frontmatter.js';
import { MAX_NAME_LENGTH, slugTrouble, urlPathProblem } from './paths.js';
import type { Article, SourceFile } from './types.js';

/** Fields shown to readers: invisible and control characters are removed from them. */
const DISPLAY_FIELDS: ReadonlySet<FieldName> = new Set(['title', 'author', 'category', 'summary', 'tags']);

/** One file's outcome: an article when it is valid, and every problem found in it. */
export interface ParsedSource {
  readonly article: Article | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Turns a source file's text into a validated Article, collecting every problem instead of stopping at one. */
export function parseArticle(rawText: string, source: SourceFile, timeZone: string): ParsedSource {
  const raw = readFrontMatter(normaliseText(rawText), source.displayPath);
  if ('severity' in raw) return { article: null, diagnostics: [raw] };
  const reader = new FieldReader(raw, source.displayPath);
  const article = reader.article(source, timeZone);
  return { article: reader.diagnostics.length === 0 ? article : null, diagnostics: reader.diagnostics };
}

/**
 * The article with its body kept as UTF-8 bytes and decoded on each read: Vietnamese text takes
 * two bytes a character in a JS string and the body held the whole file text alive; a site
 * keeps every article's body in memory (a third to a half of it at 100,000 articles).
 */
function withCompactBody(fields: Omit<Article, 'body'>, body: string): Article {
  // exactly as many bytes as the text needs (Buffer.from may reserve three a character)
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body, 'utf8'));
  bytes.write(body, 'utf8');
  return withBodyBytes(fields, bytes);
}

const BODY_BYTES = Symbol('body bytes');

function decodedBody(this: { [BODY_BYTES]: Buffer }): string {
  return this[BODY_BYTES].toString('utf8');
}

/** Makes fields (an object of nobody else's) an article whose body is these UTF-8 bytes, kept as they are. */
export function withBodyBytes(fields: Omit<Article, 'body'>, bytes: Buffer): Article {
  // one getter shared by every article keeps their layout shared too (a getter each costs ~500 bytes an article)
  Object.defineProperty(fields, BODY_BYTES, { value: bytes, enumerable: false });
  return Object.defineProperty(fields, 'body', { get: decodedBody, enumerable: true }) as Article;
}

/** An article's body as UTF-8 bytes: the kept bytes themselves when it has them (never copy or change them). */
export function bodyBytes(article: Article): Uint8Array {
  const kept = (article as Partial<{ [BODY_BYTES]: Buffer }>)[BODY_BYTES];
  return kept ?? Buffer.from(article.body, 'utf8');
}

/** An article's fields but its body, without reading the body. */
export function withoutBody(article: Article): Omit<Article, 'body'> {
  const fields: Partial<Article> = {};
  for (const key of Object.keys(article) as (keyof Article)[]) if (key !== 'body') Object.assign(fields, { [key]: article[key] });
  return fields as Omit<Article, 'body'>;
}

/** Reads known fields one by one, recording a located diagnostic for each bad one. */
class FieldReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly fields;

  constructor(private readonly raw: RawFrontMatter, private readonly file: string) {
    this.fields = groupFields(raw.data);
    for (const { field, keys } of this.fields.conflicts) {
      this.fail(field, `written twice, as ${quoted(keys[0])} and ${quoted(keys[1])}, with different values`, 'Keep one of the two lines.', keys[1]);
    }
    for (const field of REQUIRED_FIELDS) {
      if (!this.fields.known.has(field)) {
        const [first, ...others] = spellingsOf(field);
        this.fail(field, 'is missing', `Add a line "${first}: …" to the front-matter (or spell the key ${others.map((s) => `"${s}"`).join(', ')}).`);
      }
    }
  }

  article(source: SourceFile, timeZone: string): Article {
    const title = this.text('title') ?? '';
    const category = this.text('category') ?? '';
    return withCompactBody({
      source,
      title,
      authors: this.textList('author', true),
      category,
      categorySlug: this.derivedSlug('category', category),
      slug: this.slug(title),
      permalink: this.permalink(),
      summary: this.text('summary', false) ?? '',
      tags: this.textList('tags', false),
      image: this.text('image', false),
      draft: this.flag('draft'),
      aliases: this.textList('aliases', false).filter((alias) => this.checkPath('aliases', alias)),
      publishedAt: this.timestamp(timeZone) ?? { epochMs: 0, local: { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, offsetMinutes: 0 },
      bodyLine: this.raw.bodyLine,
      extra: this.fields.extra,
    }, this.raw.body);
  }

  private get(field: FieldName): FieldValue | undefined {
    return this.fields.known.get(field);
  }

  private fail(field: FieldName, message: string, hint?: string, key?: string): void {
    const written = key ?? this.get(field)?.key;
    const line = (written !== undefined ? this.raw.keyLines.get(written) : undefined) ?? 1;
    this.diagnostics.push(error(message, { file: this.file, line, field: written ?? field, ...(hint ? { hint } : {}) }));
  }

  private text(field: FieldName, required = true): string | null {
    const entry = this.get(field);
    if (entry === undefined || (entry.value === null && !required)) return null;
    if (entry.value === null) {
      this.fail(field, 'is empty', 'Write a value after the colon.');
      return null;
    }
    if (typeof entry.value !== 'string') {
      this.fail(field, `must be text, not ${describe(entry.value)}`, 'Write the value as text; put it in quotes if it looks like a number or a date.');
      return null;
    }
    const value = this.clean(field, entry.value).trim();
    if (value === '' && required) this.fail(field, 'is empty', 'Write a value after the colon.');
    return value;
  }

  private textList(field: FieldName, required: boolean): string[] {
    const entry = this.get(field);
    if (entry === undefined || entry.value === null) return [];
    const values = Array.isArray(entry.value) ? entry.value : [entry.value];
    const texts = values.map((v) => (typeof v === 'string' ? this.clean(field, v).trim() : v));
    if (!texts.every((v): v is string => typeof v === 'string' && v !== '')) {
      this.fail(field, 'must be text or a list of texts', 'Write one value, or a list like ["một", "hai"].');
      return [];
    }
    if (required && texts.length === 0) this.fail(field, 'is empty', 'Write a value after the colon.');
    return [...new Set(texts)];
  }

  private clean(field: FieldName, text: string): string {
    return DISPLAY_FIELDS.has(field) ? cleanText(text) : text;
  }

  private flag(field: FieldName): boolean {
    const value = this.get(field)?.value;
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') this.fail(field, `must be true or false, not ${describe(value)}`, 'Write true or false, without quotes.');
    return value === true;
  }

  private derivedSlug(field: FieldName, text: string): string {
    const slug = slugify(text);
    const trouble = slugTrouble(slug);
    if (text !== '' && slug === '') this.fail(field, `${quoted(text)} gives an empty URL slug`, 'Use a name with letters or digits.');
    else if (trouble) this.fail(field, `${quoted(text)} gives a URL slug ${trouble.what}`, `Use ${trouble.tooLong ? 'a shorter' : 'another'} ${field} name: ${trouble.why}.`);
    return slug;
  }

  private slug(title: string): string {
    const written = this.text('slug', false);
    if (written === null) return this.titleSlug(title);
    const trouble = slugTrouble(written);
    if (!isCleanSlug(written)) {
      const cleaned = slugify(written).slice(0, MAX_NAME_LENGTH).replace(/-+$/, '');
      const example = cleaned === '' || slugTrouble(cleaned) ? 'ten-bai-viet' : cleaned;
      this.fail('slug', `${quoted(written)} is not a clean slug`, `Use only lowercase a–z, digits and single hyphens, e.g. "${example}".`);
    } else if (trouble) {
      this.fail('slug', trouble.sentence, `Write ${trouble.tooLong ? 'a shorter slug' : 'another slug'}: ${trouble.why}.`);
    }
    return written;
  }

  private titleSlug(title: string): string {
    const slug = slugify(title);
    const trouble = slugTrouble(slug);
    if (title !== '' && slug === '') {
      this.fail('title', `${quoted(title)} gives an empty URL slug`, 'Add a field "slug: ten-bai-viet" with lowercase letters, digits and hyphens.');
    } else if (trouble) {
      const fix = trouble.tooLong ? `a shorter slug (at most ${MAX_NAME_LENGTH} characters)` : `another slug, such as "${slug}-1"`;
      this.fail('title', `${quoted(title)} gives a URL slug ${trouble.what}`, `Add a field "slug: …" with ${fix}: ${trouble.why}.`);
    }
    return slug;
  }

  private permalink(): string | null {
    const written = this.text('permalink', false);
    if (written === null) return null;
    if (!this.checkPath('permalink', written)) return null;
    return written.endsWith('/') || written.endsWith('.html') ? written : `${written}/`;
  }

  /** A root-relative URL path that stays inside the site: "/tin-tuc/12345/" or "/a/b.html". */
  private checkPath(field: FieldName, urlPath: string): boolean {
    const problem = urlPathProblem(urlPath);
    if (problem) this.fail(field, problem.message, problem.hint);
    return problem === undefined;
  }

  private timestamp(timeZone: string): Article['publishedAt'] | null {
    const entry = this.get('date');
    if (entry === undefined) return null;
    if (typeof entry.value !== 'string') {
      this.fail('date', `must be a date written as text, not ${describe(entry.value)}`, `Accepted formats: ${ACCEPTED_TIMESTAMP_FORMATS.join(', ')}.`);
      return null;
    }
    const parsed = parseTimestamp(entry.value, timeZone);
    if (parsed.ok) return parsed.value;
    this.fail('date', parsed.message, `Accepted formats: ${ACCEPTED_TIMESTAMP_FORMATS.join(', ')}. Times without an offset are read in the site time zone (${timeZone}).`);
    return null;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return `the ${typeof value} ${typeof value === 'string' ? quoted(value) : String(value)}`;
}
