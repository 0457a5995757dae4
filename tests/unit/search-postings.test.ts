import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingsPool, decodePostings, encodePostings } from '../../src/search/postings.js';
import { loadSearchClient } from '../../src/search/query.js';

describe('PostingsPool', () => {
  it('gives back each term\'s ids, ignoring an id added twice in a row', () => {
    const pool = new PostingsPool();
    const a = pool.addTerm();
    const b = pool.addTerm();
    for (const id of [3, 3, 4, 200, 200, 70_000, 2 ** 22 + 5]) pool.add(a, id);
    pool.add(b, 0);
    expect(pool.ids(a)).toEqual([3, 4, 200, 70_000, 2 ** 22 + 5]);
    expect(pool.ids(b)).toEqual([0]);
  });

  it('keeps many interleaved terms apart across block boundaries', () => {
    const pool = new PostingsPool();
    const terms = Array.from({ length: 1500 }, () => pool.addTerm());
    const expected = terms.map(() => [] as number[]);
    for (let id = 0; id < 3000; id++) {
      for (const term of terms) {
        if ((id * 7919 + term * 104729) % (term % 13 + 1) !== 0) continue;
        pool.add(term, id * (term % 5 === 0 ? 997 : 1));
        expected[term]!.push(id * (term % 5 === 0 ? 997 : 1));
      }
    }
    expect(terms.map((term) => pool.ids(term))).toEqual(expected);
    expect(pool.bytes).toBeLessThan(expected.flat().length * 2);
  });
});

describe('encodePostings', () => {
  it('writes gaps in base 32, one character for gaps under 32', () => {
    expect(encodePostings([3, 40, 41])).toBe('gEhFB');
    expect(encodePostings([0, 40])).toBe('gBhI');
    expect(encodePostings([1023])).toBe('ghgA');
  });

  it('writes a bitmap of six ids a character when that is shorter', () => {
    expect(encodePostings([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe('b__');
    expect(encodePostings([0, 2, 4, 6, 8, 10, 12])).toBe('bVVB');
  });

  it('keeps the file of a term found in every article under articles / 6 characters', () => {
    const all = Array.from({ length: 100_000 }, (_, i) => i);
    expect(encodePostings(all).length).toBeLessThanOrEqual(100_000 / 6 + 2);
    const everyThird = all.filter((i) => i % 3 === 0);
    expect(encodePostings(everyThird).length).toBeLessThanOrEqual(100_000 / 6 + 2);
  });

  it('round-trips any ascending list, in Node and in the browser client', () => {
    const client = loadSearchClient();
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 400 }), (list) => {
        const ids = [...list].sort((a, b) => a - b);
        const encoded = encodePostings(ids);
        expect(decodePostings(encoded)).toEqual(ids);
        expect(client.decodePostings(encoded)).toEqual(ids);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('intersect (browser client)', () => {
  it('keeps ids present in every list, ascending', () => {
    const client = loadSearchClient();
    expect(client.intersect([[0, 2, 4, 9], [1, 2, 3, 4, 5, 9, 12], [2, 9]])).toEqual([2, 9]);
    expect(client.intersect([[0, 1], []])).toEqual([]);
    expect(client.intersect([])).toEqual([]);
  });
});
