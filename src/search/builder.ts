import { createHash } from 'node:crypto';
import { nfc } from '../vi/slugify.js';
import { stripInvisible } from '../vi/text.js';
import type { GeneratedFile } from '../write/generated.js';
import { tokenize } from './fold.js';
import { DOCS_PER_FOLDER, META_FILE_PATH, SEARCH_INDEX_FORMAT, docFilePath, shardCount, shardFilePath, termShard, type SearchIndexMeta } from './layout.js';
import { PostingsPool, encodePostings } from './postings.js';

/** One published article as the search index sees it. */
export interface SearchEntry {
  /** The article's root-relative URL ("/thoi-su/khen-thuong/"); the builder adds the base path. */
  readonly href: string;
  readonly title: string;
  /** The lede (sapo), '' when none. */
  readonly summary: string;
  /** The date as lists show it: "13.09.2024 | 18:13". */
  readonly date: string;
  /** The category's shown name. */
  readonly category: string;
  /** The body as plain text, without markup (the Markdown renderer's text pieces joined with "\n"). */
  readonly text: string;
}

/** What the client fetches for each result it shows: tim-kiem/chi-muc/d/<key div 1000>/<key>.json. */
export interface SearchFragment {
  /** The article's link, base path included. */
  readonly url: string;
  readonly title: string;
  readonly date: string;
  readonly category: string;
  /** Lede and body, whitespace collapsed, cut near FRAGMENT_TEXT_LIMIT: the excerpt's source. */
  readonly text: string;
}

/** Longest fragment text kept, in UTF-16 units; the index itself covers the whole article. */
export const FRAGMENT_TEXT_LIMIT = 10_000;

/** What the builder needs to know before the first article. */
export interface SearchIndexOptions {
  /** The site's base path ('' or '/bao'), put before every article's URL. */
  readonly basePath: string;
  /** How many published articles there are (SiteModel.articles.length). */
  readonly articles: number;
  /** Hears each article's distinct terms and digest as it is indexed (for the build cache). */
  readonly onArticle?: (id: number, terms: readonly string[], digest: string) => void;
}

/**
 * Builds the search index while the site renders: add() each published article in ascending id
 * order (its position in SiteModel.articles, so newest first) and write the fragment it returns
 * right away; finish() returns the term files and meta.json. Only postings are kept between calls
 * (a few bytes per article and term), never article text.
 *
 * The files number articles oldest first (key = articles − 1 − id), so publishing a new article
 * adds a fragment and changes only the term files of its terms: every other file keeps its bytes
 * and a deploy with `rsync --checksum` sends just those. The client reverses to show newest first.
 */
export class SearchIndexBuilder {
  /** Each term's number in the pool. */
  private readonly terms = new Map<string, number>();
  private readonly postings = new PostingsPool();
  /** Each article's digest by key: the index's version is made from them. */
  private readonly digests: string[] = [];
  /** Distinct (term, article) pairs: what decides the number of term files. */
  private postingCount = 0;
  private lastId = -1;
  private finished = false;

  constructor(private readonly options: SearchIndexOptions) {}

  /** Indexes one article; returns its fragment file to write right away (so texts are not kept). */
  add(id: number, entry: SearchEntry): GeneratedFile[] {
    const prepared = prepareSearchEntry(this.keyOf(id), entry, this.options.basePath);
    this.addPrepared(id, prepared.terms, prepared.digest);
    return [prepared.file];
  }

  /** Indexes one article prepared by prepareSearchEntry (on another thread); its fragment file is the caller's to write. */
  addPrepared(id: number, terms: readonly string[], digest: string): void {
    if (this.finished) throw new Error('SearchIndexBuilder.add called after finish');
    if (!Number.isInteger(id) || id <= this.lastId || id >= this.options.articles) {
      throw new RangeError(`search index ids must ascend from 0 to ${this.options.articles - 1}: ${id} after ${this.lastId}`);
    }
    this.lastId = id;
    for (const term of terms) {
      let number = this.terms.get(term);
      if (number === undefined) {
        number = this.postings.addTerm();
        this.terms.set(ownCopy(term), number);
      }
      this.postings.add(number, id);
    }
    this.postingCount += terms.length;
    this.digests[this.keyOf(id)] = digest;
    this.options.onArticle?.(id, terms, digest);
  }

  /** The term files and the metadata file, once every article was added. */
  finish(): GeneratedFile[] {
    if (this.finished) throw new Error('SearchIndexBuilder.finish called twice');
    this.finished = true;
    const shards = shardCount(this.postingCount);
    const termsByShard = Array.from({ length: shards }, () => [] as string[]);
    for (const term of [...this.terms.keys()].sort()) termsByShard[termShard(term, shards)]!.push(term);
    const files: GeneratedFile[] = termsByShard.map((terms, shard) => ({
      outputPath: shardFilePath(shard),
      source: `search index: term file ${shard.toString(16)}`,
      content: () => terms.map((term) => `${term} ${encodePostings(this.keysOf(term))}\n`).join(''),
    }));
    files.push(metaFile(this.options.articles, shards, this.digests));
    return files;
  }

  /** How many distinct terms are indexed so far, the bytes their postings take, and how many postings. */
  get size(): { terms: number; postingBytes: number; postings: number } {
    return { terms: this.terms.size, postingBytes: this.postings.bytes, postings: this.postingCount };
  }

  /** The number of an article in the index files: its rank from the oldest. */
  private keyOf(id: number): number {
    return this.options.articles - 1 - id;
  }

  /** A term's articles as keys, ascending (oldest first). */
  private keysOf(term: string): number[] {
    return this.postings.ids(this.terms.get(term)!).reverse().map((id) => this.keyOf(id));
  }
}

/** An article ready to index: its fragment file, its distinct terms (in the order they first appear) and its digest. */
export interface PreparedEntry {
  readonly file: GeneratedFile;
  readonly terms: string[];
  readonly digest: string;
}

/** The work of indexing an article that needs no other article: its fragment, digest and distinct terms. */
export function prepareSearchEntry(key: number, entry: SearchEntry, basePath: string): PreparedEntry {
  const fragment = searchFragment(key, entry, basePath);
  return { file: fragment.file, terms: [...new Set(tokenize(fragment.indexText))], digest: fragment.digest };
}

/** An article's fragment file, the text its terms come from, and its digest (which the index version is made of). */
export function searchFragment(key: number, entry: SearchEntry, basePath: string): { file: GeneratedFile; indexText: string; digest: string } {
  const title = readable(entry.title);
  const summary = readable(entry.summary);
  const text = readable(entry.text);
  const href = entry.href.startsWith('/') && !entry.href.startsWith('//') ? basePath + entry.href : entry.href;
  const fragment: SearchFragment = { url: href, title, date: entry.date, category: readable(entry.category), text: fragmentText(summary, text) };
  const json = JSON.stringify(fragment);
  const digest = createHash('sha1').update(`${key}\n${json}\n`).update(text).digest('base64');
  const file: GeneratedFile = { outputPath: docFilePath(key), source: `search index: article ${entry.href}`, content: () => json };
  return { file, indexText: `${title}\n${summary}\n${text}`, digest };
}

/** meta.json for an index of `articles` articles whose digests, by key, are given. */
export function metaFile(articles: number, shards: number, digests: readonly string[]): GeneratedFile {
  const version = createHash('sha1');
  for (const digest of digests) version.update(digest);
  const meta: SearchIndexMeta = {
    format: SEARCH_INDEX_FORMAT,
    version: version.update(`format ${SEARCH_INDEX_FORMAT}`).digest('hex').slice(0, 12),
    articles,
    shards,
    docsPerFolder: DOCS_PER_FOLDER,
  };
  const json = `${JSON.stringify(meta)}\n`;
  return { outputPath: META_FILE_PATH, source: 'search index: meta.json', content: () => json };
}

/** Text as stored and indexed: NFC, without invisible characters (a soft hyphen must not split a word). */
function readable(text: string): string {
  return stripInvisible(nfc(text));
}

/** A fresh copy of a term, so the map key does not keep the whole folded article alive (V8 slices). */
function ownCopy(term: string): string {
  return Buffer.from(term, 'latin1').toString('latin1');
}

/** Lede and body as one line of text, cut at a space near FRAGMENT_TEXT_LIMIT. */
export function fragmentText(summary: string, text: string): string {
  const whole = `${summary} ${text}`.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  if (whole.length <= FRAGMENT_TEXT_LIMIT) return whole;
  const space = whole.lastIndexOf(' ', FRAGMENT_TEXT_LIMIT);
  let end = space > FRAGMENT_TEXT_LIMIT / 2 ? space : FRAGMENT_TEXT_LIMIT;
  if (/[\uD800-\uDBFF]/.test(whole.charAt(end - 1))) end--;
  return `${whole.slice(0, end)} …`;
}
