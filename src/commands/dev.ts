import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { renderOverlay } from '../serve/overlay.js';
import { startDevServer, type DevServer } from '../serve/server.js';
import { classifyChange } from '../watch/changes.js';
import { RebuildQueue } from '../watch/queue.js';
import { SiteSession, type RebuildReport } from '../watch/session.js';
import { watchSite, type SiteWatcher } from '../watch/watcher.js';
import { EXIT, SITE_OPTIONS, SITE_OPTIONS_HELP, buildOptionsOf, loadSiteConfig, type Command, type CommandContext, type OptionValues } from './command.js';
import { reportDiagnostics, type Terminal } from './report.js';

const { 'base-url': _baseUrl, now: _now, ...DEV_SITE_OPTIONS } = SITE_OPTIONS;
/** A queued entry that is not a file: refresh the search index. */
const REFRESH_SEARCH = '\0search';
const SEARCH_REFRESH_DELAY_MS = 400;

/** `bantin dev`: builds, serves on loopback, and rebuilds exactly what each saved change affects. */
export const devCommand: Command = {
  name: 'dev',
  summary: 'Build, serve on this machine and rebuild on every change, with live reload',
  synopsis: '[--port N] [--host H] [options]',
  help: `  --port N          port to serve on (default 8080; the next free one when taken)
  --host H          address to listen on (default 127.0.0.1; 0.0.0.0 to share on the network)
${SITE_OPTIONS_HELP.split('\n').filter((l) => !/--base-url|--now/.test(l)).join('\n')}`,
  options: { ...DEV_SITE_OPTIONS, port: { type: 'string' }, host: { type: 'string' } },
  async run(values, _positionals, context) {
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
    const devLoop = await DevLoop.start(values, context);
    const server = await startDevServer({ siteDir: devLoop.config.outDir, basePath: devLoop.config.basePath, host: String(values.host ?? '127.0.0.1'), port, overlay: () => devLoop.overlay() });
    devLoop.attach(server);
    context.terminal.out(`Serving ${server.url} (Ctrl+C to stop)`);
    await untilStopped(context.signal);
    await devLoop.close();
    await server.close();
    return EXIT.ok;
  },
};

/** The watch → rebuild → reload loop of one site; a config change starts a new session. */
class DevLoop {
  private errors: Diagnostic[] = [];
  private shownWarnings = '';
  private searchTimer: NodeJS.Timeout | undefined;
  private server: DevServer | null = null;
  private watcher: SiteWatcher | null = null;
  private readonly queue = new RebuildQueue((paths) => this.rebuild(paths), (cause) => this.terminal.err(`bantin: rebuild failed: ${String(cause)}`));

  private constructor(private session: SiteSession, private readonly values: OptionValues, private readonly root: string, private readonly terminal: Terminal) {}

  static async start(values: OptionValues, { root, terminal }: CommandContext): Promise<DevLoop> {
    const { config, diagnostics } = await loadSiteConfig(buildOptionsOf(values, root));
    const loop = new DevLoop(new SiteSession(config, diagnostics), values, root, terminal);
    loop.show(await loop.session.buildAll(), []);
    loop.watcher = await watchSite(config, (paths) => loop.queue.push(paths));
    return loop;
  }

  get config() {
    return this.session.config;
  }

  attach(server: DevServer): void {
    this.server = server;
  }

  overlay(): string | null {
    return this.errors.length > 0 ? renderOverlay(this.errors) : null;
  }

  async close(): Promise<void> {
    clearTimeout(this.searchTimer);
    await this.queue.idle();
    await this.watcher?.close();
  }

  private async rebuild(allPaths: string[]): Promise<void> {
    const paths = allPaths.filter((p) => p !== REFRESH_SEARCH);
    if (paths.length === 0) {
      const finished = await this.session.refreshSearchIndex(() => this.queue.hasQueued);
      if (finished) this.terminal.out('Search index updated');
      return;
    }
    if (paths.some((file) => classifyChange(file, this.session.config).kind === 'config')) {
      await this.restart();
      this.show(await this.session.buildAll(), paths);
    } else {
      this.show(await this.session.update(paths), paths);
    }
    this.server?.reload();
    this.scheduleSearchRefresh();
  }

  /** The search index reads every article: refresh it once saves have settled, not on each save. */
  private scheduleSearchRefresh(): void {
    clearTimeout(this.searchTimer);
    if (!this.session.searchIndexStale) return;
    this.searchTimer = setTimeout(() => this.queue.push([REFRESH_SEARCH]), SEARCH_REFRESH_DELAY_MS);
  }

  /** Re-reads the config, starts a new session and watches what the new config names. */
  private async restart(): Promise<void> {
    const { config, diagnostics } = await loadSiteConfig(buildOptionsOf(this.values, this.root));
    this.session = new SiteSession(config, diagnostics);
    await this.watcher?.close();
    this.watcher = await watchSite(config, (paths) => this.queue.push(paths));
  }

  private show(report: RebuildReport, paths: string[]): void {
    this.errors = report.diagnostics.filter((d) => d.severity === 'error');
    // warnings are shown again only when they change, not on every save
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
    const warningsKey = JSON.stringify(warnings);
    reportDiagnostics(this.terminal, warningsKey === this.shownWarnings ? this.errors : report.diagnostics);
    this.shownWarnings = warningsKey;
    const cause = paths.length === 0 ? '' : ` (${paths.map((p) => classifyChange(p, this.session.config).name || p).slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''})`;
    const what = report.full ? 'Built the site' : `Updated ${report.pagesRendered} pages, ${report.filesWritten} files changed, ${report.filesRemoved} removed`;
    this.terminal.out(report.ok ? `${what} in ${Math.round(report.milliseconds)} ms${cause}` : `Not updated: fix the ${this.errors.length === 1 ? 'error' : 'errors'} above; the last good pages stay served${cause}`);
  }
}

/** Resolves when the process is asked to stop (Ctrl+C, SIGTERM) or the signal aborts. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

