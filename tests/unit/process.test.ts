import { describe, expect, it } from 'vitest';
import { heapLimitMb } from '../../src/process.js';

describe('heapLimitMb', () => {
  it('is 768 MB for a site of up to 46,000 articles, then grows 10 MB a thousand', () => {
    expect([0, 10_000, 47_000, 50_000, 100_000].map((articles) => heapLimitMb({}, articles))).toEqual([768, 768, 770, 800, 1300]);
  });

  it('is what BANTIN_MAX_HEAP_MB asks for when that is a whole number of at least 64', () => {
    expect(heapLimitMb({})).toBe(768);
    expect(heapLimitMb({ BANTIN_MAX_HEAP_MB: '2048' }, 100_000)).toBe(2048);
    expect(['', 'nhiều', '12.5', '32', '-1'].map((value) => heapLimitMb({ BANTIN_MAX_HEAP_MB: value }))).toEqual([768, 768, 768, 768, 768]);
  });
});
