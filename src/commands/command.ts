import type { ParseArgsConfig } from 'node:util';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig, toSitePath } from '../config/resolve.js';
import type { BuildOptions, ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Terminal } from './report.js';

/** Exit statuses of bantin. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

/** What a command runs with besides its arguments. */
export interface CommandContext {
  readonly terminal: Terminal;
  /** The site root: the working folder. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted when the process is asked to stop (long-running commands such as dev). */
  readonly signal?: AbortSignal;
}

/** Parsed option values of a command. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `bantin <name>` command: its options, its help, and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Argument synopsis after the command name, e.g. '"<tiêu đề>" --category NAME'. */
  readonly synopsis: string;
  /** Help lines for the options, already aligned. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly allowPositionals?: boolean;
  run(values: OptionValues, positionals: string[], context: CommandContext): Promise<number>;
}

/** Options shared by the commands that read a site. */
export const SITE_OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  templates: { type: 'string' },
  config: { type: 'string' },
  'base-url': { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  now: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Help lines for SITE_OPTIONS. */
export const SITE_OPTIONS_HELP = `  --content DIR     folder of Markdown articles (default: content)
  --out DIR         output folder (default: dist)
  --templates DIR   site templates overriding the built-in theme (default: templates, when present)
  --config FILE     config file (default: bantin.config.js, .mjs or .json, when present)
  --base-url URL    absolute URL of the site, e.g. https://baotinh.vn
  --drafts          publish articles marked draft / nháp
  --future          publish articles dated after now
  --now ISO         the build's "now", e.g. 2024-09-13T18:00:00+07:00 (for reproducible builds)`;

/** BuildOptions from parsed SITE_OPTIONS values. */
export function buildOptionsOf(values: OptionValues, root: string): BuildOptions {
  const pick = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const options: BuildOptions = { root, drafts: values.drafts === true, future: values.future === true };
  for (const [key, name] of [['content', 'content'], ['out', 'out'], ['templates', 'templates'], ['config', 'config'], ['baseUrl', 'base-url'], ['now', 'now']] as const) {
    const value = pick(name);
    if (value !== undefined) options[key] = value;
  }
  return options;
}

/** Finds, loads and resolves the site's config; usage mistakes throw UsageError. */
export async function loadSiteConfig(options: BuildOptions): Promise<{ config: ResolvedConfig; diagnostics: Diagnostic[] }> {
  const configFile = findConfigFile(options.root, options.config);
  const loaded = configFile ? await loadConfigFile(configFile, toSitePath(options.root, configFile)) : { raw: {}, diagnostics: [] };
  const { config, diagnostics } = resolveConfig(options, loaded.raw, configFile);
  return { config, diagnostics: [...loaded.diagnostics, ...diagnostics] };
}
