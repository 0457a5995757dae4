import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './cli.js';
import { processTerminal } from './commands/report.js';

/** Commands that read a whole site and then end: they run in a worker with a bounded heap. */
const BOUNDED_COMMANDS = new Set(['build', 'check']);

/**
 * The heap limit of that worker, in MB. V8 sizes its heap by the machine's memory and grows it
 * lazily, so a long build on a large machine keeps its garbage: a 30,000-article build peaked at
 * 1.34 GB uncapped and 0.62 GB capped at 600 MB, and ran faster. What a build keeps grows by about
 * 6 KB an article, and a limit too close to that makes the collector run all the time (100,000
 * articles: 395 s at 700 MB, 188 s and 1.89 GB peak at 1,300 MB, 194 s and 2.22 GB at 1,856 MB), so
 * the limit grows with the site: 768 MB up to 46,000 articles, then 10 MB a thousand more.
 * BANTIN_MAX_HEAP_MB overrides it.
 */
export function heapLimitMb(env: NodeJS.ProcessEnv, articles = 0): number {
  const asked = Number(env.BANTIN_MAX_HEAP_MB);
  if (Number.isInteger(asked) && asked >= 64) return asked;
  return Math.max(768, 300 + 10 * Math.ceil(articles / 1000));
}

/** About how many articles a command's site has: Markdown files under its content folder (0 when unreadable). */
async function articleCount(argv: readonly string[]): Promise<number> {
  const named = argv.findIndex((arg) => arg === '--content' || arg.startsWith('--content='));
  const folder = named < 0 ? 'content' : argv[named]!.includes('=') ? argv[named]!.slice('--content='.length) : (argv[named + 1] ?? 'content');
  const names = await readdir(path.resolve(folder), { recursive: true }).catch(() => []);
  return names.filter((name) => /\.(md|markdown)$/i.test(name)).length;
}

/** What the main thread tells the worker. */
interface WorkerInput {
  readonly argv: readonly string[];
  readonly stderrIsTTY: boolean;
  readonly columns: number;
}

/**
 * bantin as a process (bin/bantin.js): `build` and `check` run in a worker thread with a bounded
 * heap (the same process: a signal ends both), everything else here. Resolves to the exit status.
 */
export async function runProcess(argv: readonly string[]): Promise<number> {
  if (!BOUNDED_COMMANDS.has(argv[0] ?? '') || argv.includes('--help') || argv.includes('-h')) return main(argv);
  const limit = heapLimitMb(process.env, await articleCount(argv));
  const input: WorkerInput = { argv, stderrIsTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns ?? 0 };
  const worker = new Worker(new URL(import.meta.url), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: limit } });
  return new Promise<number>((resolve, reject) => {
    let status: number | null = null;
    worker.on('message', (code: number) => (status = code));
    worker.on('error', (cause: Error & { code?: string }) => {
      if (cause.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(cause);
      process.stderr.write(`bantin: the build needed more than its ${limit} MB heap; run it again with BANTIN_MAX_HEAP_MB set higher (e.g. ${limit * 2}).\n`);
      status = 1;
    });
    worker.on('exit', () => resolve(status ?? 1));
  });
}

/** In the worker: runs the command with a terminal that knows the real stderr, and posts the exit status. */
async function runInWorker(input: WorkerInput): Promise<void> {
  const terminal = processTerminal({ isTTY: input.stderrIsTTY, columns: () => input.columns });
  parentPort!.postMessage(await main(input.argv, terminal));
}

if (!isMainThread && parentPort) await runInWorker(workerData as WorkerInput);
