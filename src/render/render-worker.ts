import Tinypool from 'tinypool';
import { imagesOnPage } from '../images/article.js';
import { buildSiteModel, type SiteModel } from '../model/index.js';
import type { Article } from '../source/types.js';
import { BatchRenderer } from './batch.js';
import { replyMoving, unpackBytes } from '../packed.js';
import type { RenderBatch, RenderSetup } from './parallel.js';

/** Bodies of the articles of the batch being rendered. */
const batchBodies = new Map<object, string>();

/** The body of an article of the current batch (one getter shared by every article). */
function bodyOfBatch(this: object): string {
  const body = batchBodies.get(this);
  if (body === undefined) throw new Error('a render thread was asked for the body of an article outside its batch');
  return body;
}

let thread: { site: SiteModel; renderer: BatchRenderer } | null = null;

/** Builds the site model from the articles the build sent, and checks it is the build's. */
function setUp(setup: RenderSetup): { site: SiteModel; renderer: BatchRenderer } {
  // the fields are this thread's own clone: they become the articles, body read from the batch
  const articles = setup.articles.map((fields) => Object.defineProperty(fields, 'body', { get: bodyOfBatch, enumerable: true }) as Article);
  const { site } = buildSiteModel(articles, setup.config);
  if (site.routes.length !== setup.routes) throw new Error(`a render thread built ${site.routes.length} routes where the build has ${setup.routes}`);
  const images = setup.shown.map((shown) => (shown ? imagesOnPage(shown) : undefined));
  return { site, renderer: new BatchRenderer(site, setup.config, (id) => images[id], setup.target, setup.search) };
}

/** A render thread's task: one batch of routes, with the bodies it needs; bytes handed back are moved, not copied. */
export default async function renderBatch(batch: RenderBatch): Promise<unknown> {
  const { site, renderer } = (thread ??= setUp(Tinypool.workerData as RenderSetup));
  unpackBytes(batch.bodies).forEach((bytes, i) => batchBodies.set(site.articles[batch.articleIds[i]!]!, bytes.toString('utf8')));
  try {
    const rendered = await renderer.render(batch.first, batch.count);
    return replyMoving(rendered, rendered.files.bytes ? [rendered.files.bytes.buffer] : []);
  } finally {
    batchBodies.clear();
  }
}
