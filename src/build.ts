import type { ResolvedConfig } from './config/types.js';
import type { Diagnostic } from './diagnostics.js';
import { BuildRun } from './build-run.js';
import type { ArticleImages } from './images/article.js';
import type { SiteModel } from './model/index.js';
import type { Article, LoadListeners } from './source/index.js';
import type { SearchRecord } from './write/search-index.js';
import type { StaticFile } from './write/static-files.js';
import type { Writer } from './write/writer.js';

/** How long each stage took, in milliseconds, in the order they ran. */
export type StageTimings = Record<string, number>;

/** What a build did. On errors nothing was committed and `ok` is false. */
export interface BuildResult {
  readonly ok: boolean;
  /** Published articles. */
  readonly articles: number;
  /** Every valid article read, published or not. */
  readonly parsed: readonly Article[];
  /** The site model, when the build got that far. */
  readonly site: SiteModel | null;
  readonly staticFiles: readonly StaticFile[];
  readonly pagesWritten: number;
  /** Feeds, sitemaps, robots.txt and search index files written. */
  readonly generatedFiles: number;
  /** Their output paths. */
  readonly generatedPaths: readonly string[];
  readonly filesCopied: number;
  /** Each published article's processed images, by ArticleId (empty when the build stopped before images). */
  readonly imagesByArticle: readonly ArticleImages[];
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: StageTimings;
  /** The search index's number of term files and of postings (null when the build stopped before it). */
  readonly search: { readonly shards: number; readonly postings: number } | null;
}

/** How far a long stage has got: articles parsed, pages rendered. */
export interface BuildProgress {
  readonly stage: 'parse' | 'render';
  readonly done: number;
  readonly total: number;
}

/** How strict a build is, and who hears of its progress. */
export interface BuildRules {
  /** Whether a link to no page of the site is an error (check) or a warning (build). */
  readonly brokenLinks?: Diagnostic['severity'];
  /** Called as articles are parsed and pages rendered (often: throttle before drawing). */
  readonly onProgress?: (progress: BuildProgress) => void;
  /** Hears each source file's stamp and bytes as it is read (the build cache fingerprints them). */
  readonly onSourceRead?: LoadListeners['onRead'];
  /** Hears each published article's search record by content path and key (the build cache keeps them). */
  readonly onSearchEntry?: (contentPath: string, key: number, record: SearchRecord) => void;
  /** Called with the build's result once everything is written, just before the output is committed. */
  readonly onReady?: (result: BuildResult) => void;
  /** Threads that parse files and render pages beside this one, and from what size of site on they are worth starting (none: all is done here). */
  readonly threads?: BuildThreads;
}

/** How many threads parse and render besides the build's own, once a site has at least `minAmount` routes (or files to parse). */
export interface BuildThreads {
  readonly threads: number;
  readonly minAmount: number;
  /** URL of the folder of compiled modules the threads run (lib/); by default the one this code is in (code run from source names it). */
  readonly compiledDir?: string;
}

/**
 * The build recipe: plan (discover → parse → model → static and generated files), process images,
 * render pages and the search index, write the rest, commit. Stops before writing anything
 * visible at the first stage that collected an error; each stage is timed.
 */
export async function build(config: ResolvedConfig, writer: Writer, configDiagnostics: readonly Diagnostic[] = [], rules: BuildRules = {}): Promise<BuildResult> {
  const run = new BuildRun(config, writer, configDiagnostics, rules);
  try {
    const plan = await run.plan();
    if (run.failed) return await run.abort();
    const images = await run.images(plan);
    if (run.failed) return await run.abort();
    const rendered = await run.render(plan, images);
    if (run.failed) return await run.abort();
    return await run.finish(plan, rendered.pagesWritten);
  } catch (cause) {
    // a disk or programming error: leave the previous output as it was, then let it surface
    await writer.abort();
    throw cause;
  }
}
