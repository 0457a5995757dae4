import { decodePostings, encodePostings } from './postings.js';
import { shardCount, termShard } from './layout.js';

/** One article's entry in the term files: its key and its distinct terms. */
export interface KeyedTerms {
  readonly key: number;
  readonly terms: readonly string[];
}

/** What an update of the term files starts from and applies. */
export interface TermFilesChange {
  /** Term files and postings of the index as it is. */
  readonly shards: number;
  readonly postings: number;
  /** Articles whose old key leaves the index (edited, moved, unpublished), with their old terms. */
  readonly removed: readonly KeyedTerms[];
  /** Articles added under their new key, with their new terms. */
  readonly added: readonly KeyedTerms[];
  /** The text of a term file as it is now; null when it cannot be trusted. */
  readonly readShard: (shard: number) => Promise<string | null>;
}

/** The term files that an update rewrites, and the new number of postings. */
export interface TermFilesUpdate {
  readonly files: ReadonlyMap<number, string>;
  readonly postings: number;
}

/**
 * Applies removed and added articles to the term files they touch, giving each file the bytes a
 * fresh build would give it. Null when that cannot be done in place: the number of term files
 * changes, or a file is missing or unreadable (the caller then builds the index afresh).
 */
export async function updateTermFiles(change: TermFilesChange): Promise<TermFilesUpdate | null> {
  const count = (list: readonly KeyedTerms[]) => list.reduce((sum, entry) => sum + entry.terms.length, 0);
  const postings = change.postings - count(change.removed) + count(change.added);
  if (shardCount(postings) !== change.shards) return null;
  const touched = new Map<number, { removed: KeyedTerms[]; added: KeyedTerms[] }>();
  const note = (entry: KeyedTerms, side: 'removed' | 'added') => {
    for (const term of entry.terms) {
      const shard = termShard(term, change.shards);
      let lists = touched.get(shard);
      if (!lists) touched.set(shard, (lists = { removed: [], added: [] }));
      lists[side].push({ key: entry.key, terms: [term] });
    }
  };
  change.removed.forEach((entry) => note(entry, 'removed'));
  change.added.forEach((entry) => note(entry, 'added'));
  const files = new Map<number, string>();
  for (const [shard, lists] of touched) {
    const text = await change.readShard(shard);
    if (text === null) return null;
    const updated = applyToShard(text, lists.removed, lists.added);
    if (updated === null) return null;
    files.set(shard, updated);
  }
  return { files, postings };
}

/** One term file with some keys taken out of some terms and put into others; null when a line is malformed. */
export function applyToShard(text: string, removed: readonly KeyedTerms[], added: readonly KeyedTerms[]): string | null {
  const lines = new Map<string, string | number[]>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const space = line.indexOf(' ');
    if (space <= 0) return null;
    lines.set(line.slice(0, space), line.slice(space + 1));
  }
  const keysOf = (term: string): number[] => {
    const value = lines.get(term);
    const keys = value === undefined ? [] : typeof value === 'string' ? decodePostings(value) : value;
    lines.set(term, keys);
    return keys;
  };
  for (const { key, terms } of removed) {
    for (const term of terms) {
      const keys = keysOf(term);
      const at = keys.indexOf(key);
      if (at >= 0) keys.splice(at, 1);
    }
  }
  for (const { key, terms } of added) {
    for (const term of terms) insertSorted(keysOf(term), key);
  }
  let out = '';
  for (const term of [...lines.keys()].sort()) {
    const value = lines.get(term)!;
    if (typeof value !== 'string' && value.length === 0) continue;
    out += `${term} ${typeof value === 'string' ? value : encodePostings(value)}\n`;
  }
  return out;
}

/** Puts a key into an ascending list, once. */
function insertSorted(keys: number[], key: number): void {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]! < key) low = mid + 1;
    else high = mid;
  }
  if (keys[low] !== key) keys.splice(low, 0, key);
}
