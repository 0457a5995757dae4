import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './cli.js';
import { processTerminal } from './commands/report.js';

/** Commands that read a whole site and then end: they run in a worker with a bounded heap. */
const BOUNDED_COMMANDS = new Set(['build', 'check']);

/**
 * The heap limit of that worker, in MB. V8 sizes its heap by the machine's memory and grows it
 * lazily, so a long build on a large machine keeps its garbage: a 30,000-article build peaked at
 * 1.34 GB uncapped and 0.62 GB capped at 600 MB, and ran faster. BANTIN_MAX_HEAP_MB overrides it.
 */
export function heapLimitMb(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.BANTIN_MAX_HEAP_MB);
  return Number.isInteger(asked) && asked >= 64 ? asked : 768;
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
  const limit = heapLimitMb(process.env);
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
