import type { BuildProgress } from '../build.js';
import type { LiveTerminal, Terminal } from './report.js';

/** Builds that finish within this long (ms) show no progress at all. */
const QUIET_MS = 1000;
/** The live bar is redrawn at most this often (ms). */
const REDRAW_MS = 100;
/** Plain lines: a running stage is reported again at most this often (ms). */
const PLAIN_EVERY_MS = 10_000;
const LABELS: Record<BuildProgress['stage'], string> = { parse: 'parsing articles', render: 'rendering pages' };
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((l) => l.length));
const MAX_BAR = 50;
const MIN_BAR = 10;
const ERASE_LINE = '\r\x1b[K';

/** Where progress goes, and the clock that decides when. */
export interface ProgressOutput {
  /** A terminal to redraw one bar on; without it, progress is printed as plain lines. */
  readonly live?: LiveTerminal;
  /** Prints one plain line (a newline is added). */
  readonly line: (text: string) => void;
  /** Milliseconds since any fixed origin. */
  readonly now: () => number;
}

/**
 * A build's progress on stderr: after the first second, one bar redrawn in place on a terminal
 * (erased by `stop`), or a few plain lines elsewhere: one when a stage is first seen, then one
 * every 10 s while it runs.
 */
export class ProgressDisplay {
  private readonly started: number;
  private shownStage: BuildProgress['stage'] | null = null;
  private lastShown = -Infinity;
  private drawn = false;
  private stopped = false;

  constructor(private readonly output: ProgressOutput) {
    this.started = output.now();
  }

  /** The display for a command: a live bar when stderr is a terminal, CI is unset and TERM is not dumb. */
  static for(terminal: Terminal, env: NodeJS.ProcessEnv, now: () => number = () => performance.now()): ProgressDisplay {
    const live = terminal.tty && isInteractive(env) ? terminal.tty : undefined;
    return new ProgressDisplay({ ...(live ? { live } : {}), line: terminal.err, now });
  }

  /** The build's `onProgress`: shows the progress when it is due, ignores it otherwise. */
  readonly update = (progress: BuildProgress): void => {
    if (this.stopped) return;
    const now = this.output.now();
    if (now - this.started < QUIET_MS) return;
    if (progress.stage === this.shownStage && !this.due(progress, now)) return;
    this.shownStage = progress.stage;
    this.lastShown = now;
    const { live } = this.output;
    if (!live) return this.output.line(plainLine(progress));
    live.write(`\r${barLine(progress, live.columns())}\x1b[K`);
    this.drawn = true;
  };

  /** Erases the bar, if one is drawn, and shows nothing more: call before printing results. */
  stop(): void {
    if (this.drawn) this.output.live?.write(ERASE_LINE);
    this.drawn = false;
    this.stopped = true;
  }

  private due(progress: BuildProgress, now: number): boolean {
    if (!this.output.live) return now - this.lastShown >= PLAIN_EVERY_MS;
    return now - this.lastShown >= REDRAW_MS || progress.done >= progress.total;
  }
}

/** Whether the environment allows redrawing a line: not CI, and a terminal that knows escapes. */
export function isInteractive(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return (ci === undefined || ci === '' || ci === '0' || ci === 'false') && env.TERM !== 'dumb';
}

/** One line of the live display, e.g. `parsing articles  [####------]  4,210/10,000`, under `columns`. */
export function barLine(progress: BuildProgress, columns: number): string {
  const width = (columns > 0 ? columns : 80) - 1; // never the last column: some terminals wrap there
  const label = LABELS[progress.stage].padEnd(LABEL_WIDTH);
  const counts = countsOf(progress);
  const barWidth = Math.min(MAX_BAR, width - label.length - counts.length - 6);
  if (barWidth < MIN_BAR) return `${label}  ${counts}`.slice(0, width);
  const filled = Math.floor(barWidth * fraction(progress));
  return `${label}  [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]  ${counts}`;
}

/** One plain progress line, e.g. `parsing articles: 4,210/10,000 (42%)`. */
export function plainLine(progress: BuildProgress): string {
  return `${LABELS[progress.stage]}: ${countsOf(progress).trimStart()} (${Math.floor(fraction(progress) * 100)}%)`;
}

/** `done/total`, padded so that the line keeps its length as the count grows. */
function countsOf({ done, total }: BuildProgress): string {
  const format = (n: number) => n.toLocaleString('en-US');
  return `${format(done)}/${format(total)}`.padStart(format(total).length * 2 + 1);
}

function fraction({ done, total }: BuildProgress): number {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
}
