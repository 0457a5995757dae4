import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { doInOrder } from '../../src/ordered-work.js';

/** Runs numbered pieces with slow "threads" and a quick "here", recording where each ran and the order taken. */
async function run(count: number, threads: number, failAt = -1) {
  const where: string[] = [];
  const taken: number[] = [];
  await doInOrder<number>({
    count,
    threads,
    onThread: async (i) => {
      where[i] = 'thread';
      await sleep(5 + ((i * 7) % 5));
      if (i === failAt) throw new Error(`piece ${i} failed`);
      return i * 10;
    },
    here: async (i) => {
      where[i] = 'here';
      if (i === failAt) throw new Error(`piece ${i} failed`);
      return i * 10;
    },
    take: (outcome, i) => {
      expect(outcome).toBe(i * 10);
      taken.push(i);
    },
  });
  return { where, taken };
}

describe('doInOrder', () => {
  it('takes every outcome once, in order, with pieces done both on threads and here', async () => {
    const { where, taken } = await run(40, 1);
    expect(taken).toEqual([...Array(40).keys()]);
    expect(where.filter((w) => w === 'thread').length).toBeGreaterThan(2);
    expect(where.filter((w) => w === 'here').length).toBeGreaterThan(2);
  });

  it('does everything here without threads', async () => {
    const { where, taken } = await run(5, 0);
    expect(taken).toEqual([0, 1, 2, 3, 4]);
    expect(where).toEqual(['here', 'here', 'here', 'here', 'here']);
  });

  it('throws when a piece fails, on a thread or here', async () => {
    await expect(run(20, 2, 7)).rejects.toThrow('piece 7 failed');
    await expect(run(6, 0, 3)).rejects.toThrow('piece 3 failed');
  });
});
