import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, runBuild } from './commands/build.js';
import { processTerminal, type Terminal } from './commands/report.js';
import { UsageError } from './errors.js';

const USAGE = `Usage: bantin <command> [options]

Commands:
  build     Build the site from Markdown articles into static HTML

Options for build:
  --content DIR     folder of Markdown articles (default: content)
  --out DIR         output folder, replaced whole on success (default: dist)
  --templates DIR   site templates overriding the built-in theme (default: templates, when present)
  --config FILE     config file (default: bantin.config.js, .mjs or .json, when present)
  --base-url URL    absolute URL of the site, e.g. https://baotinh.vn
  --drafts          publish articles marked draft / nháp
  --future          publish articles dated after now
  --now ISO         the build's "now", e.g. 2024-09-13T18:00:00+07:00 (for reproducible builds)

  -h, --help        show this help
  -v, --version     show the version

Exit status: 0 success, 1 content errors, 2 usage errors.`;

const BUILD_OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  templates: { type: 'string' },
  config: { type: 'string' },
  'base-url': { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs bantin with command-line arguments; resolves to the exit status. */
export async function main(argv: readonly string[], terminal: Terminal = processTerminal(), root = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? terminal.err : terminal.out)(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '-v' || command === '--version') {
    terminal.out(version());
    return EXIT.ok;
  }
  try {
    if (command !== 'build') throw new UsageError(`unknown command "${command}"`);
    const { values } = parseArgs({ args: [...rest], options: BUILD_OPTIONS, strict: true, allowPositionals: false });
    if (values.help) {
      terminal.out(USAGE);
      return EXIT.ok;
    }
    const { 'base-url': baseUrl, help: _help, ...paths } = values;
    return await runBuild({ root, ...paths, ...(baseUrl !== undefined ? { baseUrl } : {}) }, terminal);
  } catch (cause) {
    if (!(cause instanceof UsageError) && !isParseArgsError(cause)) throw cause;
    terminal.err(`bantin: ${(cause as Error).message}`);
    terminal.err('Run "bantin --help" for usage.');
    return EXIT.usage;
  }
}

function isParseArgsError(cause: unknown): boolean {
  const code = (cause as { code?: string } | null)?.code ?? '';
  return code.startsWith('ERR_PARSE_ARGS');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
