import { describe, expect, it } from 'vitest';
import { relatedPositions } from '../../src/model/related.js';

/** Independent oracle: 5 newer and 5 older, a short side topped up from the other. */
function expected(position: number, length: number, count = 10): number[] {
  const half = count / 2;
  const newerAvailable = position;
  const olderAvailable = length - 1 - position;
  let newer = Math.min(half, newerAvailable);
  let older = Math.min(half, olderAvailable);
  if (newer < half) older = Math.min(olderAvailable, count - newer);
  if (older < half) newer = Math.min(newerAvailable, count - older);
  const out: number[] = [];
  for (let p = position - newer; p < position; p++) out.push(p);
  for (let p = position + 1; p <= position + older; p++) out.push(p);
  return out;
}

describe('relatedPositions', () => {
  it.each([
    [0, 1, []],
    [0, 2, [1]],
    [1, 2, [0]],
    [3, 5, [0, 1, 2, 4]],
    [0, 11, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    [10, 11, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    [0, 20, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    [2, 20, [0, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [10, 20, [5, 6, 7, 8, 9, 11, 12, 13, 14, 15]],
    [17, 20, [9, 10, 11, 12, 13, 14, 15, 16, 18, 19]],
    [19, 20, [9, 10, 11, 12, 13, 14, 15, 16, 17, 18]],
    [500, 1000, [495, 496, 497, 498, 499, 501, 502, 503, 504, 505]],
  ])('position %i of %i → %j', (position, length, positions) => {
    expect(relatedPositions(position, length, 10)).toEqual(positions);
  });

  it('gives the nearest neighbours, 5 each side, topped up at the ends, for every position', () => {
    for (let length = 1; length <= 40; length++) {
      for (let position = 0; position < length; position++) {
        const result = relatedPositions(position, length, 10);
        expect(result).toEqual(expected(position, length));
        expect(result).toHaveLength(Math.min(10, length - 1));
        expect(result).not.toContain(position);
        expect([...result].sort((a, b) => a - b)).toEqual(result);
        expect(new Set(result).size).toBe(result.length);
        for (const p of result) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThan(length);
        }
      }
    }
  });
});
