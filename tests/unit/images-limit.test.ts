import { describe, expect, it } from 'vitest';
import { createKeyedQueue, createLimiter } from '../../src/images/limit.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('runs at most `max` jobs at once, in the order given, and passes results and failures through', async () => {
    const limit = createLimiter(2);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const job = (n: number) => limit(async () => {
      started.push(n);
      peak = Math.max(peak, ++running);
      for (let i = 0; i < 3; i++) await tick();
      running--;
      if (n === 3) throw new Error('hỏng');
      return n * 10;
    });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(job));
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 20, 'hỏng', 40, 50]);
  });
});

describe('createKeyedQueue', () => {
  it('runs jobs of one key one after another, even after a failure, and other keys alongside', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const job = (key: string, name: string, fail = false) => queue(key, async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    });
    const results = await Promise.allSettled([job('a', 'a1', true), job('a', 'a2'), job('b', 'b1')]);
    const at = (entry: string) => log.indexOf(entry);
    expect(at('start a2')).toBeGreaterThan(at('end a1'));
    expect(at('start b1')).toBeLessThan(at('end a1'));
    expect(log).toHaveLength(6);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });
});
