import { describe, expect, it } from 'vitest';
import type { BuildProgress } from '../../src/build.js';
import { ProgressDisplay, barLine, isInteractive, plainLine } from '../../src/commands/progress.js';
import type { Terminal } from '../../src/commands/report.js';

/** A display on a fake clock, writing to a fake terminal (live or not). */
function setUp(live: boolean, columns = 80) {
  const clock = { now: 0 };
  const writes: string[] = [];
  const lines: string[] = [];
  const display = new ProgressDisplay({
    ...(live ? { live: { write: (text: string) => writes.push(text), columns: () => columns } } : {}),
    line: (text) => lines.push(text),
    now: () => clock.now,
  });
  /** Moves the clock to `ms` and reports progress. */
  const at = (ms: number, stage: BuildProgress['stage'], done: number, total: number) => {
    clock.now = ms;
    display.update({ stage, done, total });
  };
  return { display, writes, lines, at };
}

const bar = (filled: number, empty: number) => `[${'#'.repeat(filled)}${'-'.repeat(empty)}]`;

describe('progress display on a terminal', () => {
  it('shows nothing within the first second, and nothing on stop', () => {
    const { display, writes, lines, at } = setUp(true);
    for (let done = 1; done <= 500; done++) at(done * 1.9, 'parse', done, 10_000);
    display.stop();
    expect(writes).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('draws one bar with the counts after the first second, then erases it on stop', () => {
    const { display, writes, lines, at } = setUp(true);
    at(999, 'parse', 4_000, 10_000);
    at(1000, 'parse', 4_210, 10_000);
    // 79 columns usable: 16 label + 2 + 46 bar + 2 + 13 counts; 44 cells, 42.1% of them filled.
    expect(writes).toEqual([`\rparsing articles  ${bar(18, 26)}   4,210/10,000\x1b[K`]);
    display.stop();
    expect(writes.at(-1)).toBe('\r\x1b[K');
    at(5000, 'render', 10, 20);
    expect(writes).toHaveLength(2);
    expect(lines).toEqual([]);
  });

  it('redraws at most every 100 ms, at once on a new stage, and at the end of a stage', () => {
    const { writes, at } = setUp(true);
    for (let done = 1; done <= 1_000; done++) at(1000 + done * 0.25, 'parse', done, 1_000); // 250 ms
    expect(writes.map((w) => w.match(/[\d,]+\/1,000/)?.[0].trim())).toEqual(['1/1,000', '401/1,000', '801/1,000', '1,000/1,000']);
    at(1250.1, 'render', 1, 14_578);
    at(1250.2, 'render', 2, 14_578);
    expect(writes).toHaveLength(5);
    expect(writes[4]).toBe(`\rrendering pages   ${bar(0, 44)}       1/14,578\x1b[K`);
  });

  it('fits the bar to the terminal width', () => {
    const progress: BuildProgress = { stage: 'render', done: 7_300, total: 14_578 };
    expect(barLine(progress, 100)).toBe(`rendering pages   ${bar(25, 25)}   7,300/14,578`);
    expect(barLine(progress, 0)).toHaveLength(79); // width unknown: 80 columns
    expect(barLine(progress, 40)).toBe('rendering pages    7,300/14,578');
    expect(barLine(progress, 20)).toBe('rendering pages    ');
    expect(barLine({ stage: 'parse', done: 10_000, total: 10_000 }, 60)).toBe(`parsing articles  ${bar(24, 0)}  10,000/10,000`);
  });
});

describe('progress display as plain lines', () => {
  it('writes no escape codes and a few lines for 10,000 events of each stage', () => {
    const { display, writes, lines, at } = setUp(false);
    for (let done = 1; done <= 10_000; done++) at(done * 2.5, 'parse', done, 10_000); // 0 to 25 s
    for (let done = 1; done <= 10_000; done++) at(25_000 + done * 0.5, 'render', done, 10_000); // 25 to 30 s
    display.stop();
    expect(writes).toEqual([]);
    expect(lines).toEqual([
      'parsing articles: 400/10,000 (4%)',
      'parsing articles: 4,400/10,000 (44%)',
      'parsing articles: 8,400/10,000 (84%)',
      'rendering pages: 1/10,000 (0%)',
    ]);
    expect(lines.join('')).not.toContain('\x1b');
  });

  it('prints nothing for a build that finishes within a second', () => {
    const { display, lines, at } = setUp(false);
    for (let done = 1; done <= 10_000; done++) at(done * 0.09, 'parse', done, 10_000);
    display.stop();
    expect(lines).toEqual([]);
  });

  it('formats counts and percentages', () => {
    expect(plainLine({ stage: 'render', done: 14_578, total: 14_578 })).toBe('rendering pages: 14,578/14,578 (100%)');
    expect(plainLine({ stage: 'parse', done: 0, total: 0 })).toBe('parsing articles: 0/0 (100%)');
  });
});

describe('choosing the display', () => {
  const terminal = (tty: boolean): Terminal => ({
    out: () => {},
    err: () => {},
    colour: false,
    ...(tty ? { tty: { write: () => {}, columns: () => 80 } } : {}),
  });

  it('draws a bar only on a terminal, outside CI, when TERM is not dumb', () => {
    expect(isInteractive({})).toBe(true);
    expect(isInteractive({ CI: 'true' })).toBe(false);
    expect(isInteractive({ CI: '1' })).toBe(false);
    expect(isInteractive({ CI: 'false' })).toBe(true);
    expect(isInteractive({ TERM: 'dumb' })).toBe(false);
  });

  it('falls back to plain lines without a terminal or in CI', () => {
    const drawn = (tty: boolean, env: NodeJS.ProcessEnv) => {
      const writes: string[] = [];
      const lines: string[] = [];
      const base = terminal(tty);
      const fake: Terminal = { ...base, err: (l) => lines.push(l), ...(base.tty ? { tty: { ...base.tty, write: (t: string) => writes.push(t) } } : {}) };
      let now = 0;
      const display = ProgressDisplay.for(fake, env, () => now);
      now = 2000;
      display.update({ stage: 'parse', done: 1, total: 2 });
      return { writes: writes.length, lines: lines.length };
    };
    expect(drawn(true, {})).toEqual({ writes: 1, lines: 0 });
    expect(drawn(true, { CI: 'true' })).toEqual({ writes: 0, lines: 1 });
    expect(drawn(true, { TERM: 'dumb' })).toEqual({ writes: 0, lines: 1 });
    expect(drawn(false, {})).toEqual({ writes: 0, lines: 1 });
  });
});
