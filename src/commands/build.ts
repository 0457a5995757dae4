import { build } from '../build.js';
import { LockTimeoutError } from '../write/build-lock.js';
import { StagedWriter } from '../write/staged-writer.js';
import { EXIT, SITE_OPTIONS, SITE_OPTIONS_HELP, buildOptionsOf, loadSiteConfig, type Command } from './command.js';
import { ProgressDisplay } from './progress.js';
import { reportDiagnostics, type Terminal } from './report.js';

/** `bantin build`: builds into a staging folder, swaps it in on success, prints a summary. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the site from Markdown articles into static HTML',
  synopsis: '[options]',
  help: `${SITE_OPTIONS_HELP}
  --timings         print how long each stage took`,
  options: { ...SITE_OPTIONS, timings: { type: 'boolean' } },
  async run(values, _positionals, { terminal, root, env }) {
    const started = performance.now();
    const options = buildOptionsOf(values, root);
    const { config, diagnostics } = await loadSiteConfig(options);
    const writer = await openWriter(config.outDir, terminal);
    if (!writer) return EXIT.contentErrors;
    const progress = ProgressDisplay.for(terminal, env);
    const result = await build(config, writer, diagnostics, { onProgress: progress.update }).finally(() => progress.stop());
    reportDiagnostics(terminal, result.diagnostics);
    if (values.timings === true) for (const [stage, ms] of Object.entries(result.timings)) terminal.err(`  ${stage.padEnd(24)} ${(ms / 1000).toFixed(2)} s`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!result.ok) {
      terminal.err(`Build failed: ${options.out ?? 'dist'} was left as it was; fix the errors above and build again.`);
      return EXIT.contentErrors;
    }
    terminal.out(`Built ${result.articles} article${result.articles === 1 ? '' : 's'} into ${result.pagesWritten} pages, ${result.generatedFiles} feed, sitemap and index files, ${result.filesCopied} files copied, in ${seconds} s.`);
    return EXIT.ok;
  },
};

/** The staged writer, once no other build holds the output folder (waiting is said on stderr). */
async function openWriter(outDir: string, terminal: Terminal): Promise<StagedWriter | null> {
  try {
    return await StagedWriter.open(outDir, { onWait: (message) => terminal.err(`bantin: ${message}`) });
  } catch (cause) {
    if (!(cause instanceof LockTimeoutError)) throw cause;
    terminal.err(`bantin: ${cause.message}`);
    return null;
  }
}
