import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { error, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { CONFIG_FILE_NAMES } from './defaults.js';

/** The config file a build uses: the one named on the command line, else the first found. */
export function findConfigFile(root: string, named: string | undefined): string | null {
  if (named !== undefined) {
    const file = path.resolve(root, named);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${named}`);
    return file;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Reads a config file as a plain object; a broken file becomes a diagnostic. */
export async function loadConfigFile(
  file: string,
  displayName: string,
): Promise<{ raw: unknown; diagnostics: Diagnostic[] }> {
  try {
    if (file.endsWith('.json')) return { raw: JSON.parse(await readFile(file, 'utf8')), diagnostics: [] };
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return { raw: module.default ?? module, diagnostics: [] };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      raw: {},
      diagnostics: [error(`cannot read the config file: ${message}`, { file: displayName, hint: 'Fix the file so it is valid JSON or a module with a default export.' })],
    };
  }
}
