import { availableParallelism } from 'node:os';
import type { RenderThreads } from '../build.js';

/** Below this many routes, starting threads and building their models costs more than it saves. */
export const MIN_ROUTES_FOR_THREADS = 2000;

/**
 * How many threads render pages besides the build's own: one for each other processor by default,
 * for sites of MIN_ROUTES_FOR_THREADS routes or more. BANTIN_RENDER_THREADS sets the number for
 * any site (0: the build's thread renders alone).
 */
export function renderThreadsFrom(env: NodeJS.ProcessEnv, processors = availableParallelism()): RenderThreads {
  const asked = env.BANTIN_RENDER_THREADS?.trim();
  if (asked && /^\d+$/.test(asked)) return { threads: Math.min(Number(asked), 64), minRoutes: 0 };
  return { threads: Math.max(0, processors - 1), minRoutes: MIN_ROUTES_FOR_THREADS };
}
