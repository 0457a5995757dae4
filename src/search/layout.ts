/**
 * Where the search index lives in the output, and its metadata file. The browser client reads the
 * number of term files and the fragments' folder size from meta.json.
 *
 * Terms are spread over a fixed number of term files by a hash of the term rather than given a
 * file each: a real archive has hundreds of thousands of distinct terms (numbers, names, foreign
 * words), most of them in one or two articles, and a file each would outnumber the site's own
 * pages, slowing every build and deploy. A term file holds about SHARD_TARGET_BYTES besides the
 * terms a query asks for, every term file exists (so no query meets a 404), and one round trip
 * fetches every term of a query.
 */

/** The search page. */
export const SEARCH_PAGE_URL = '/tim-kiem/';
/** The folder of the index files, as a root-relative URL (prefix the base path for links). */
export const SEARCH_INDEX_URL = '/tim-kiem/chi-muc/';
/** The folder of the index files, as an output path. */
export const SEARCH_INDEX_DIR = 'tim-kiem/chi-muc';
/** Format of the index files; the client refuses other values. */
export const SEARCH_INDEX_FORMAT = 1;
/** About how many bytes of postings a term file (shard) holds: sets the number of shards. */
export const SHARD_TARGET_BYTES = 8 * 1024;
/** Article fragments are grouped in folders of this many ids. */
export const DOCS_PER_FOLDER = 1000;

/** The contents of meta.json: everything the client needs before fetching term files. */
export interface SearchIndexMeta {
  /** SEARCH_INDEX_FORMAT. */
  readonly format: number;
  /** Changes whenever any indexed article changes; the client adds it to every index URL (?v=) so caches never mix two builds. */
  readonly version: string;
  /** Articles in the site: keys are 0 … articles − 1, oldest first (key = articles − 1 − position in SiteModel.articles). */
  readonly articles: number;
  /** How many term files there are (a power of two): a term is in file termShard(term, shards). */
  readonly shards: number;
  readonly docsPerFolder: number;
}

/** How many term files an index of this many postings bytes gets: a power of two, from 1 to 65536. */
export function shardCount(postingBytes: number): number {
  let shards = 1;
  while (shards < 65536 && postingBytes / shards > SHARD_TARGET_BYTES) shards *= 2;
  return shards;
}

/** The term file holding a term: FNV-1a of its characters, high half folded in, modulo shards (a power of two). */
export function termShard(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return ((hash ^ (hash >>> 16)) >>> 0) & (shards - 1);
}

/** The output path of a term file: tim-kiem/chi-muc/t/<shard>.txt, the shard in lowercase hexadecimal. */
export function shardFilePath(shard: number): string {
  return `${SEARCH_INDEX_DIR}/t/${shard.toString(16)}.txt`;
}

/** The output path of an article's fragment by its key: tim-kiem/chi-muc/d/<key div 1000>/<key>.json. */
export function docFilePath(key: number): string {
  return `${SEARCH_INDEX_DIR}/d/${Math.floor(key / DOCS_PER_FOLDER)}/${key}.json`;
}

/** The output path of meta.json. */
export const META_FILE_PATH = `${SEARCH_INDEX_DIR}/meta.json`;
