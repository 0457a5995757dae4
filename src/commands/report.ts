import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

/** Where a command prints, and whether it may use colour. */
export interface Terminal {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly colour: boolean;
  /** stderr, when it is an interactive terminal: raw writes (no newline added) and its current width. */
  readonly tty?: LiveTerminal;
}

/** A terminal a status line can be redrawn on. */
export interface LiveTerminal {
  readonly write: (text: string) => void;
  /** Width in columns; 0 when unknown. */
  readonly columns: () => number;
}

/** What is known of the process's stderr (a worker thread is told it by the main thread). */
export interface StderrFacts {
  readonly isTTY: boolean;
  /** Width in columns; 0 when unknown. */
  readonly columns: () => number;
}

/** The real terminal: colour only on a TTY, and never when NO_COLOR is set. */
export function processTerminal(stderr: StderrFacts = { isTTY: Boolean(process.stderr.isTTY), columns: () => process.stderr.columns ?? 0 }): Terminal {
  // A reader that stops early (`bantin check --format json | head`) is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (cause: NodeJS.ErrnoException) => {
      if (cause.code !== 'EPIPE') throw cause;
    });
  }
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    colour: stderr.isTTY && !noColor,
    ...(stderr.isTTY ? { tty: { write: (text: string) => process.stderr.write(text), columns: stderr.columns } } : {}),
  };
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m' } as const;

/** Prints every diagnostic to stderr, sorted by file and line, then a count. */
export function reportDiagnostics(terminal: Terminal, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const paint = (kind: Diagnostic['severity'], text: string) => (terminal.colour ? `${COLOURS[kind]}${text}\x1b[0m` : text);
  for (const d of sortDiagnostics(diagnostics)) terminal.err(formatDiagnostic(d, paint));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean);
  terminal.err(parts.join(', '));
}
