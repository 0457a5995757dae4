import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { devCommand } from './commands/dev.js';
import { newCommand } from './commands/new.js';
import { EXIT, type Command, type CommandContext } from './commands/command.js';
import { processTerminal, type Terminal } from './commands/report.js';
import { UsageError } from './errors.js';

/** Every command, in the order --help lists them. */
const COMMANDS: readonly Command[] = [buildCommand, devCommand, newCommand, checkCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return `Usage: bantin <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "bantin <command> --help" for a command's options.\n  -h, --help        show this help\n  -v, --version     show the version\n\nExit status: 0 success, 1 content errors, 2 usage errors.`;
}

function commandUsage(command: Command): string {
  return `Usage: bantin ${command.name} ${command.synopsis}\n\n${command.summary}.\n\nOptions:\n${command.help}\n  -h, --help        show this help`;
}

/** Runs bantin with command-line arguments; resolves to the exit status. */
export async function main(
  argv: readonly string[],
  terminal: Terminal = processTerminal(),
  root = process.cwd(),
  extra: Partial<Omit<CommandContext, 'terminal' | 'root'>> = {},
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? terminal.err : terminal.out)(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    terminal.out(version());
    return EXIT.ok;
  }
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.allowPositionals ?? false,
    });
    if (values.help) {
      terminal.out(commandUsage(command));
      return EXIT.ok;
    }
    return await command.run(values, positionals, { terminal, root, env: extra.env ?? process.env, ...(extra.signal ? { signal: extra.signal } : {}) });
  } catch (cause) {
    if (!(cause instanceof UsageError) && !isParseArgsError(cause)) throw cause;
    terminal.err(`bantin: ${(cause as Error).message}`);
    terminal.err(`Run "bantin ${COMMANDS.some((c) => c.name === name) ? `${name} ` : ''}--help" for usage.`);
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
