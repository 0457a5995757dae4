import { availableParallelism } from 'node:os';
import type { BuildThreads } from '../build.js';

/** Below this many routes (or files), starting threads and building their models costs more than it saves. */
export const MIN_AMOUNT_FOR_THREADS = 2000;

/**
 * How many threads parse files and render pages besides the build's own: one for each other
 * processor by default, for sites of MIN_AMOUNT_FOR_THREADS routes (or files) or more.
 * BANTIN_THREADS sets the number for any site (0: the build's thread does it all).
 */
export function threadsFrom(env: NodeJS.ProcessEnv, processors = availableParallelism()): BuildThreads {
  const asked = env.BANTIN_THREADS?.trim();
  if (asked && /^\d+$/.test(asked)) return { threads: Math.min(Number(asked), 64), minAmount: 0 };
  return { threads: Math.max(0, processors - 1), minAmount: MIN_AMOUNT_FOR_THREADS };
}
