import { describe, expect, it } from 'vitest';
import { heapLimitMb } from '../../src/process.js';

describe('heapLimitMb', () => {
  it('is 768 MB unless BANTIN_MAX_HEAP_MB asks for a whole number of at least 64', () => {
    expect(heapLimitMb({})).toBe(768);
    expect(heapLimitMb({ BANTIN_MAX_HEAP_MB: '2048' })).toBe(2048);
    expect(['', 'nhiều', '12.5', '32', '-1'].map((value) => heapLimitMb({ BANTIN_MAX_HEAP_MB: value }))).toEqual([768, 768, 768, 768, 768]);
  });
});
