import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndexBuilder, type SearchEntry } from '../../src/search/builder.js';
import { shardFilePath } from '../../src/search/layout.js';
import { applyToShard, updateTermFiles, type KeyedTerms } from '../../src/search/update.js';

const WORDS = ['thi', 'đua', 'khen', 'thưởng', 'lớp', '10', 'đường', 'liên', 'xã', 'bão', 'số', '3', 'nông', 'thôn', 'mới'];

function entry(id: number, words: readonly string[]): SearchEntry {
  return { href: `/thoi-su/bai-${id}/`, title: `Bài ${id}`, summary: '', date: '13.09.2024 | 18:13', category: 'Thời sự', text: words.join(' ') };
}

/** A fresh index of articles (newest first), with each article's distinct terms by key. */
function fresh(texts: readonly (readonly string[])[]) {
  const terms = new Map<number, readonly string[]>();
  const builder = new SearchIndexBuilder({ basePath: '', articles: texts.length, onArticle: (id, t) => terms.set(texts.length - 1 - id, [...t]) });
  texts.forEach((words, id) => builder.add(id, entry(texts.length - 1 - id, words)));
  const files = new Map(builder.finish().map((f) => [f.outputPath, String(f.content())]));
  return { files, terms, shards: files.size - 1, postings: builder.size.postings };
}

describe('updateTermFiles', () => {
  it('gives the term files a fresh build gives after articles are edited, added and removed (keys stable)', async () => {
    const texts = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(texts, texts, async (before, replacements) => {
        // keys count from the oldest: the oldest articles keep theirs, newer ones are edited, dropped or added
        const kept = Math.max(1, Math.min(before.length, replacements.length) - 1);
        const after = [...replacements.slice(0, replacements.length - kept), ...before.slice(before.length - kept)];
        const old = fresh(before);
        const next = fresh(after);
        const removed: KeyedTerms[] = [...old.terms].filter(([key]) => key >= kept).map(([key, terms]) => ({ key, terms }));
        const added: KeyedTerms[] = [...next.terms].filter(([key]) => key >= kept).map(([key, terms]) => ({ key, terms }));
        const readShard = async (shard: number) => old.files.get(shardFilePath(shard)) ?? null;
        const update = await updateTermFiles({ shards: old.shards, postings: old.postings, removed, added, readShard });
        expect(update).not.toBeNull();
        expect(update!.postings).toBe(next.postings);
        for (const [shard, text] of update!.files) expect(text).toBe(next.files.get(shardFilePath(shard)));
      }),
      { numRuns: 60 },
    );
  });

  it('declines when the number of term files would change, or a term file cannot be trusted', async () => {
    const grow: KeyedTerms[] = [{ key: 0, terms: Array.from({ length: 9000 }, (_, i) => `t${i}`) }];
    expect(await updateTermFiles({ shards: 1, postings: 10, removed: [], added: grow, readShard: async () => '' })).toBeNull();
    expect(await updateTermFiles({ shards: 1, postings: 10, removed: [], added: [{ key: 3, terms: ['thi'] }], readShard: async () => null })).toBeNull();
  });
});

describe('applyToShard', () => {
  it('keeps terms sorted, drops a term left without articles, and refuses a malformed line', () => {
    const shard = 'dua gBB\nthi gBB\n';
    expect(applyToShard(shard, [{ key: 0, terms: ['dua'] }, { key: 1, terms: ['dua'] }], [{ key: 2, terms: ['bao'] }])).toBe('bao gD\nthi gBB\n');
    expect(applyToShard('khongcokhoangtrang\n', [], [])).toBeNull();
  });
});
