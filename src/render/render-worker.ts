import Tinypool from 'tinypool';
import { imagesOnPage, type ImagesOnPage } from '../images/article.js';
import { buildSiteModel, type SiteModel } from '../model/index.js';
import type { ArticleId } from '../model/types.js';
import type { Article } from '../source/types.js';
import type { Writer } from '../write/writer.js';
import { createSiteRenderer, type SiteRenderer } from './index.js';
import { packBytes, unpackBytes } from './packed.js';
import type { RenderBatch, RenderedBatch, RenderSetup } from './parallel.js';

/** A render thread's copy of the build: the site model, compiled templates, and each article's images. */
interface ThreadState {
  readonly site: SiteModel;
  readonly renderer: SiteRenderer;
  readonly images: readonly (ImagesOnPage | undefined)[];
  readonly texts: boolean;
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
  return { site, renderer: createSiteRenderer(setup.config, { sameModel: true }), images, texts: setup.texts };
}

/** Renders one batch of routes; the pages go back as bytes, moved rather than copied. */
export default async function renderBatch(batch: RenderBatch): Promise<unknown> {
  const thread = (state ??= setUp(Tinypool.workerData as RenderSetup));
  unpackBytes(batch.bodies).forEach((bytes, i) => batchBodies.set(thread.site.articles[batch.articleIds[i]!]!, bytes.toString('utf8')));
  const routes = thread.site.routes.slice(batch.first, batch.first + batch.count);
  const pages = new PageCollector();
  const texts: [ArticleId, string][] = [];
  const onArticleText = thread.texts ? async (id: ArticleId, text: string) => void texts.push([id, text]) : undefined;
  try {
    const result = await thread.renderer.render(thread.site, routes, pages, { imagesOf: (id) => thread.images[id], ...(onArticleText ? { onArticleText } : {}) });
    const failed = result.failedRoutes.map((route) => batch.first + routes.indexOf(route));
    const packed = packBytes(pages.contents);
    const rendered: RenderedBatch = { paths: pages.paths, pages: packed, texts, links: [...result.bodyLinks], diagnostics: result.diagnostics, failed };
    return Tinypool.move({ [Tinypool.transferableSymbol]: [packed.buffer], [Tinypool.valueSymbol]: rendered } as unknown as ArrayBuffer);
  } finally {
    batchBodies.clear();
  }
}

/** Keeps a batch's pages in order, to send back. */
class PageCollector implements Writer {
  readonly paths: string[] = [];
  readonly contents: (string | Uint8Array)[] = [];

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    this.paths.push(outputPath);
    this.contents.push(content);
  }

  async copy(): Promise<void> {
    throw new Error('render threads write pages only');
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}
