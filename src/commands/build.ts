import { build } from '../build.js';
import { NO_CACHE_YET, cachedBuild, type CachedBuildResult } from '../cache/index.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { LockTimeoutError } from '../write/build-lock.js';
import { StagedWriter } from '../write/staged-writer.js';
import { EXIT, SITE_OPTIONS, SITE_OPTIONS_HELP, buildOptionsOf, loadSiteConfig, type Command } from './command.js';
import { ProgressDisplay } from './progress.js';
import { reportDiagnostics, type Terminal } from './report.js';
import { threadsFrom } from './threads.js';

/** `bantin build`: builds into a staging folder, swaps it in on success, prints a summary. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the site from Markdown articles into static HTML',
  synopsis: '[options]',
  help: `${SITE_OPTIONS_HELP}
  --no-cache        build everything, without reading or saving the build cache
  --timings         print how long each stage took`,
  options: { ...SITE_OPTIONS, timings: { type: 'boolean' }, 'no-cache': { type: 'boolean' } },
  async run(values, _positionals, { terminal, root, env }) {
    const started = performance.now();
    const options = buildOptionsOf(values, root);
    const { config, diagnostics } = await loadSiteConfig(options);
    const progress = ProgressDisplay.for(terminal, env);
    const outcome = await runBuild(config, diagnostics, values['no-cache'] !== true, terminal, progress).finally(() => progress.stop());
    if (!outcome) return EXIT.contentErrors;
    if (outcome.mode === 'cold' && outcome.reason !== '' && outcome.reason !== NO_CACHE_YET) terminal.err(`bantin: the build cache was not used (${outcome.reason}); building everything.`);
    const { ok, timings } = outcome.result;
    reportDiagnostics(terminal, outcome.result.diagnostics);
    if (values.timings === true) for (const [stage, ms] of Object.entries(timings)) terminal.err(`  ${stage.padEnd(24)} ${(ms / 1000).toFixed(2)} s`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!ok) {
      terminal.err(`Build failed: ${options.out ?? 'dist'} was left as it was; fix the errors above and build again.`);
      return EXIT.contentErrors;
    }
    terminal.out(`${summaryOf(outcome)}, in ${seconds} s.`);
    return EXIT.ok;
  },
};

/** A build with the build cache, or a plain cold build with `--no-cache`; null when another build kept the output's lock. */
async function runBuild(config: ResolvedConfig, diagnostics: Diagnostic[], useCache: boolean, terminal: Terminal, progress: ProgressDisplay): Promise<CachedBuildResult | null> {
  const onWait = (message: string) => terminal.err(`bantin: ${message}`);
  const rules = { onProgress: progress.update, threads: threadsFrom(process.env) };
  try {
    if (useCache) return await cachedBuild(config, diagnostics, rules, { onWait });
    return { mode: 'cold', result: await build(config, await StagedWriter.open(config.outDir, { onWait }), diagnostics, rules), reason: '' };
  } catch (cause) {
    if (!(cause instanceof LockTimeoutError)) throw cause;
    terminal.err(`bantin: ${cause.message}`);
    return null;
  }
}

/** The closing line's first part: what was built or updated. */
function summaryOf(outcome: CachedBuildResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (outcome.mode === 'warm') {
    const r = outcome.result;
    if (r.changedSources === 0) return `Nothing changed since the last build (${plural(r.articles, 'article')}; build cache)`;
    return `Updated ${plural(r.articles, 'article')} from the build cache: ${plural(r.changedSources, 'changed file')}, ${plural(r.pagesRendered, 'page')} rendered, ${plural(r.filesWritten, 'file')} written, ${r.filesRemoved} removed`;
  }
  const r = outcome.result;
  return `Built ${plural(r.articles, 'article')} into ${r.pagesWritten} pages, ${r.generatedFiles} feed, sitemap and index files, ${r.filesCopied} files copied`;
}
