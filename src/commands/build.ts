import { build } from '../build.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { resolveConfig, toSitePath } from '../config/resolve.js';
import type { BuildOptions } from '../config/types.js';
import { StagedWriter } from '../write/staged-writer.js';
import { reportDiagnostics, type Terminal } from './report.js';

/** Exit statuses of bantin. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

/** `bantin build`: resolves the config, builds into a staging folder, swaps it in, prints a summary. */
export async function runBuild(options: BuildOptions, terminal: Terminal): Promise<number> {
  const started = performance.now();
  const configFile = findConfigFile(options.root, options.config);
  const loaded = configFile ? await loadConfigFile(configFile, toSitePath(options.root, configFile)) : { raw: {}, diagnostics: [] };
  const { config, diagnostics } = resolveConfig(options, loaded.raw, configFile);
  const writer = await StagedWriter.open(config.outDir);
  const result = await build(config, writer, [...loaded.diagnostics, ...diagnostics]);
  reportDiagnostics(terminal, result.diagnostics);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!result.ok) {
    terminal.err(`Build failed: ${options.out ?? 'dist'} was left as it was; fix the errors above and build again.`);
    return EXIT.contentErrors;
  }
  terminal.out(`Built ${result.articles} article${result.articles === 1 ? '' : 's'} into ${result.pagesWritten} pages (${result.filesCopied} files copied) in ${seconds} s.`);
  return EXIT.ok;
}
