import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Tinypool from 'tinypool';
import { imagesOnPage, type ImagesOnPage } from '../images/article.js';
import { buildSiteModel, type SiteModel } from '../model/index.js';
import type { ArticleId } from '../model/types.js';
import { prepareSearchEntry } from '../search/builder.js';
import type { Article } from '../source/types.js';
import { contentHash } from '../write/direct-writer.js';
import { searchEntryOf } from '../write/search-index.js';
import type { Writer } from '../write/writer.js';
import { createSiteRenderer, type SiteRenderer } from './index.js';
import { packBytes, unpackBytes } from './packed.js';
import type { BatchFiles, RenderBatch, RenderedBatch, RenderSetup } from './parallel.js';

/** A render thread's copy of the build: the site model, compiled templates, and each article's images. */
interface ThreadState {
  readonly setup: RenderSetup;
  readonly site: SiteModel;
  readonly renderer: SiteRenderer;
  readonly images: readonly (ImagesOnPage | undefined)[];
  /** Folders this thread made in the target folder. */
  readonly folders: Set<string>;
}

/** Bodies of the articles of the batch being rendered. */
const batchBodies = new Map<object, string>();

/** The body of an article of the current batch (one getter shared by every article). */
function bodyOfBatch(this: object): string {
  const body = batchBodies.get(this);
  if (body === undefined) throw new Error('a render thread was asked for the body of an article outside its batch');
  return body;
}

let state: ThreadState | null = null;

/** Builds the site model from the articles the build sent, and checks it is the build's. */
function setUp(setup: RenderSetup): ThreadState {
  const articles = setup.articles.map((fields) => Object.defineProperty({ ...fields }, 'body', { get: bodyOfBatch, enumerable: true }) as Article);
  const { site } = buildSiteModel(articles, setup.config);
  if (site.routes.length !== setup.routes) throw new Error(`a render thread built ${site.routes.length} routes where the build has ${setup.routes}`);
  const images = setup.shown.map((shown) => (shown ? imagesOnPage(shown) : undefined));
  return { setup, site, renderer: createSiteRenderer(setup.config, { sameModel: true }), images, folders: new Set() };
}

/** Renders one batch of routes, with each article's search entry; files are written here or sent back as bytes. */
export default async function renderBatch(batch: RenderBatch): Promise<unknown> {
  const thread = (state ??= setUp(Tinypool.workerData as RenderSetup));
  const { site, setup } = thread;
  unpackBytes(batch.bodies).forEach((bytes, i) => batchBodies.set(site.articles[batch.articleIds[i]!]!, bytes.toString('utf8')));
  const routes = site.routes.slice(batch.first, batch.first + batch.count);
  const pages = new FileSink(thread);
  const fragments = new FileSink(thread);
  const search: [ArticleId, string[], string][] = [];
  const onArticleText = async (id: ArticleId, text: string): Promise<void> => {
    const prepared = prepareSearchEntry(site.articles.length - 1 - id, searchEntryOf(site, id, text), setup.config.basePath);
    await fragments.write(prepared.file.outputPath, prepared.file.content());
    search.push([id, prepared.terms, prepared.digest]);
  };
  try {
    const result = await thread.renderer.render(site, routes, pages, { imagesOf: (id) => thread.images[id], ...(setup.search ? { onArticleText } : {}) });
    const files = pages.files(fragments);
    const rendered: RenderedBatch = { files, search, links: [...result.bodyLinks], diagnostics: result.diagnostics, failed: result.failedRoutes.map((route) => batch.first + routes.indexOf(route)) };
    const moved = files.bytes ? [files.bytes.buffer] : [];
    return Tinypool.move({ [Tinypool.transferableSymbol]: moved, [Tinypool.valueSymbol]: rendered } as unknown as ArrayBuffer);
  } finally {
    batchBodies.clear();
  }
}

/** Writes a batch's files into the target folder, or keeps their bytes to send back. */
class FileSink implements Writer {
  readonly paths: string[] = [];
  readonly hashes: string[] = [];
  readonly contents: Uint8Array[] = [];

  constructor(private readonly thread: ThreadState) {}

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const target = this.thread.setup.target;
    this.paths.push(outputPath);
    if (!target) {
      this.contents.push(bytes);
      return;
    }
    if (target.hashes) this.hashes.push(contentHash(bytes));
    const file = path.join(target.folder, ...outputPath.split('/'));
    const folder = path.dirname(file);
    if (!this.thread.folders.has(folder)) mkdirSync(folder, { recursive: true });
    this.thread.folders.add(folder);
    writeFileSync(file, bytes);
  }

  /** These files, then another sink's, as one list to send back. */
  files(then: FileSink): BatchFiles {
    const paths = [...this.paths, ...then.paths];
    const { target } = this.thread.setup;
    const bytes = target ? null : packBytes([...this.contents, ...then.contents]);
    return { paths, hashes: target?.hashes ? [...this.hashes, ...then.hashes] : null, bytes, pages: this.paths.length };
  }

  async copy(): Promise<void> {
    throw new Error('render threads write pages only');
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}
