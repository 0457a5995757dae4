import { describe, expect, it } from 'vitest';
import { threadsFrom, MIN_AMOUNT_FOR_THREADS } from '../../src/commands/threads.js';
import { packBytes, unpackBytes } from '../../src/packed.js';

describe('packBytes', () => {
  it('lays texts and bytes end to end and gives them back, empty ones included', () => {
    const parts = ['<p>Hà Nội</p>', new Uint8Array([1, 2, 3]), '', 'Đà Nẵng'];
    const packed = packBytes(parts);
    expect(packed.buffer.byteLength).toBe(Buffer.byteLength('<p>Hà Nội</p>') + 3 + Buffer.byteLength('Đà Nẵng'));
    const back = unpackBytes(packed);
    expect(back.map((b) => b.length)).toEqual([Buffer.byteLength('<p>Hà Nội</p>'), 3, 0, Buffer.byteLength('Đà Nẵng')]);
    expect(back[0]!.toString('utf8')).toBe('<p>Hà Nội</p>');
    expect([...back[1]!]).toEqual([1, 2, 3]);
    expect(back[3]!.toString('utf8')).toBe('Đà Nẵng');
  });

  it('packs nothing into an empty buffer', () => {
    expect(unpackBytes(packBytes([]))).toEqual([]);
  });
});

describe('threadsFrom', () => {
  it('uses a thread for each other processor for large sites by default, none on one processor', () => {
    expect(threadsFrom({}, 4)).toEqual({ threads: 3, minAmount: MIN_AMOUNT_FOR_THREADS });
    expect(threadsFrom({}, 1)).toEqual({ threads: 0, minAmount: MIN_AMOUNT_FOR_THREADS });
  });

  it('takes BANTIN_THREADS for sites of any size, 0 rendering on the build thread', () => {
    expect(threadsFrom({ BANTIN_THREADS: '3' }, 2)).toEqual({ threads: 3, minAmount: 0 });
    expect(threadsFrom({ BANTIN_THREADS: '0' }, 2)).toEqual({ threads: 0, minAmount: 0 });
  });

  it('ignores a value that is not a number', () => {
    expect(threadsFrom({ BANTIN_THREADS: 'nhiều' }, 2)).toEqual({ threads: 1, minAmount: MIN_AMOUNT_FOR_THREADS });
  });
});
