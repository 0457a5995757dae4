import { build } from '../build.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { NullWriter } from '../write/writer.js';
import { EXIT, SITE_OPTIONS, SITE_OPTIONS_HELP, buildOptionsOf, loadSiteConfig, type Command } from './command.js';
import { toGithubAnnotation, toJsonLine, type DiagnosticFormat } from './diagnostic-formats.js';
import { ProgressDisplay } from './progress.js';
import { reportDiagnostics } from './report.js';
import { threadsFrom } from './threads.js';

const { out: _out, ...CHECK_SITE_OPTIONS } = SITE_OPTIONS;
const FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

/**
 * `bantin check`: everything `build` validates (front-matter, timestamps, URLs, templates), plus
 * links between articles, without writing anything. Exit 1 on any error.
 */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Check articles, templates and links without writing the site',
  synopsis: '[--format text|json|github] [options]',
  help: `  --format F        text (default), json (one object per line) or github (annotations;
                    the default when GITHUB_ACTIONS=true)
${SITE_OPTIONS_HELP.split('\n').filter((l) => !l.includes('--out')).join('\n')}`,
  options: { ...CHECK_SITE_OPTIONS, format: { type: 'string' } },
  async run(values, _positionals, { terminal, root, env }) {
    const format = (values.format ?? (env.GITHUB_ACTIONS === 'true' ? 'github' : 'text')) as DiagnosticFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${String(values.format)}"`);
    const { config, diagnostics } = await loadSiteConfig(buildOptionsOf(values, root));
    const writer = new NullWriter();
    const progress = ProgressDisplay.for(terminal, env);
    const result = await build(config, writer, diagnostics, { brokenLinks: 'error', onProgress: progress.update, threads: threadsFrom(process.env) }).finally(() => progress.stop());
    const problems = sortDiagnostics(result.diagnostics);
    if (format === 'text') reportDiagnostics(terminal, problems);
    if (format === 'json') problems.forEach((d) => terminal.out(toJsonLine(d)));
    if (format === 'github') problems.forEach((d) => terminal.out(toGithubAnnotation(d)));
    const failed = hasErrors(problems);
    if (format !== 'json') {
      terminal.err(failed ? 'Check failed: fix the errors above.' : `Checked ${result.articles} articles and ${result.pagesWritten} pages: no errors.`);
    }
    return failed ? EXIT.contentErrors : EXIT.ok;
  },
};
