import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import { SEARCH_INDEX_DIR, SEARCH_INDEX_URL, type SearchIndexMeta } from './layout.js';

/** The browser client, from both src/search/ and lib/search/. */
export const SEARCH_SCRIPT_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates/assets/search.js');

/** A piece of shown text; marked pieces are the query's terms. */
export interface Segment {
  readonly text: string;
  readonly mark: boolean;
}

/** Reads an index file by URL: its text, or null when there is no such file. */
export type FetchText = (url: string, fresh: boolean) => Promise<string | null>;

/** What a query found: its terms and every matching article, newest first. */
export interface SearchAnswer {
  readonly terms: string[];
  /** Keys of the index files (articles − 1 − position in SiteModel.articles), newest first. */
  readonly ids: number[];
  readonly meta: SearchIndexMeta | null;
}

/** One result as the page shows it. */
export interface SearchHit {
  /** Its key in the index files. */
  readonly id: number;
  readonly url: string;
  readonly title: Segment[];
  readonly date: string;
  readonly category: string;
  readonly excerpt: Segment[];
}

/** The pure functions of templates/assets/search.js, the code that runs in the browser. */
export interface SearchClient {
  readonly PAGE_SIZE: number;
  fold(text: string): string;
  foldNfc(text: string): string;
  tokenize(text: string): string[];
  queryTerms(query: string): string[];
  termShard(term: string, shards: number): number;
  findPostings(termFile: string, term: string): string | null;
  decodePostings(text: string): number[];
  intersect(lists: number[][]): number[];
  search(indexHref: string, query: string, fetchText: FetchText): Promise<SearchAnswer>;
  loadHits(indexHref: string, answer: SearchAnswer, ids: number[], fetchText: FetchText): Promise<(SearchHit | null)[]>;
  highlight(text: string, terms: readonly string[]): Segment[];
  excerpt(text: string, terms: readonly string[]): Segment[];
}

let loaded: SearchClient | undefined;

/** Loads the browser client into Node (no DOM: only its pure functions), once. */
export function loadSearchClient(): SearchClient {
  if (!loaded) {
    const source = readFileSync(SEARCH_SCRIPT_PATH, 'utf8');
    const module = { exports: {} as Partial<SearchClient> };
    compileFunction(source, ['module'], { filename: SEARCH_SCRIPT_PATH })(module);
    if (typeof module.exports.search !== 'function') throw new Error(`${SEARCH_SCRIPT_PATH} exported no search function`);
    loaded = module.exports as SearchClient;
  }
  return loaded;
}

/** A FetchText over generated files held in memory (output path → content), as a static host would serve them. */
export function memoryFetch(files: ReadonlyMap<string, string>, indexHref = SEARCH_INDEX_URL): FetchText {
  return async (url) => {
    if (!url.startsWith(indexHref)) return null;
    const relative = url.slice(indexHref.length).replace(/\?.*$/, '');
    return files.get(`${SEARCH_INDEX_DIR}/${relative}`) ?? null;
  };
}

/** One page of results and the total count, exactly as the browser's search page gets them. */
export async function queryIndex(fetchText: FetchText, query: string, page = 1, indexHref = SEARCH_INDEX_URL): Promise<{ total: number; hits: SearchHit[] }> {
  const client = loadSearchClient();
  const answer = await client.search(indexHref, query, fetchText);
  const ids = answer.ids.slice((page - 1) * client.PAGE_SIZE, page * client.PAGE_SIZE);
  const hits = await client.loadHits(indexHref, answer, ids, fetchText);
  return { total: answer.ids.length, hits: hits.filter((hit): hit is SearchHit => hit !== null) };
}
