import type { Diagnostic } from '../diagnostics.js';
import { imageReferences, type BodyImage } from '../markdown/index.js';
import { assetUrl } from '../model/urls.js';
import type { Article } from '../source/types.js';
import type { StaticFile } from '../write/static-files.js';
import { ARTICLE_IMAGE_SIZES, pictureHtml } from './html.js';
import { isImageError, type ImageError, type ImageProcessor, type ProcessedImage } from './processor.js';
import { isProcessableImage, sitePathOf } from './source.js';

/** What an article's page shows of its images: its rendering of them, made from `shown`. */
export interface ImagesOnPage {
  /** For `RenderOptions.renderImage`: the `<picture>` of a processed body image, undefined to keep the `<img>`. */
  readonly renderImage: (src: string, alt: string) => string | undefined;
  /** The front-matter image as an eager `<picture>` and its share JPEG (output path); null when none, remote or failed. */
  readonly lead: { readonly html: string; readonly ogImage: string; readonly image: ProcessedImage } | null;
}

/** The processed images an article's page shows, as plain data (it crosses to the threads that render pages). */
export interface ShownImages {
  /** Body images processed without error, by their source as written. */
  readonly body: readonly (readonly [string, ProcessedImage])[];
  readonly lead: ProcessedImage | null;
  readonly sizes: string;
  readonly basePath: string;
}

/** An article's processed images: what its page renders, the files to write, and what went wrong. */
export interface ArticleImages extends ImagesOnPage {
  readonly shown: ShownImages;
  /** Site paths ("/anh/x.jpg") of every local image the article shows, found or not: a change to one re-renders it. */
  readonly sitePaths: readonly string[];
  /** Files to copy into the output (cache file → output path). */
  readonly files: readonly StaticFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** How an article's images are shown and how hard a failure is. */
export interface ArticleImageOptions {
  readonly basePath: string;
  /** The `sizes` attribute; default the theme's article column. */
  readonly sizes?: string;
  /** Missing or undecodable images: errors in `check`, warnings in `build` (the page keeps a plain `<img>`). */
  readonly severity: Diagnostic['severity'];
}

const HINTS: Readonly<Record<ImageError['reason'], string>> = {
  missing: 'Check the file name (accents and capitals must match) and that the photo is committed; a path without "/" in front is read from the article\'s folder.',
  undecodable: 'The file is damaged or not a JPEG or PNG: open it in an image editor and save it again, or replace it.',
};

/** An inline image whose target is a remote URL ("![Ảnh](https://…"). */
const REMOTE_INLINE_IMAGE = /!\[[^\]\n]*\]\([ \t]*(?:https?:)?\/\//gi;

/**
 * Whether a body may show a local photo, without parsing it: false only when every "![" starts an
 * inline image whose target is an http(s) URL (news bodies often embed photos from a CDN, or none).
 * Anything else (local targets, reference images, brackets in the caption) is left to the parser.
 */
export function mayShowLocalImage(markdown: string): boolean {
  let opened = 0;
  for (let at = markdown.indexOf('!['); at >= 0; at = markdown.indexOf('![', at + 2)) opened++;
  if (opened === 0) return false;
  const remote = markdown.match(REMOTE_INLINE_IMAGE)?.length ?? 0;
  return remote !== opened;
}

/** Processes the front-matter image and every local JPEG and PNG of an article's body. */
export async function processArticleImages(processor: ImageProcessor, article: Article, options: ArticleImageOptions): Promise<ArticleImages> {
  const where = article.source.contentPath;
  const text = article.body;
  const references = mayShowLocalImage(text) ? imageReferences(text).filter((r) => isProcessableImage(r.src)) : [];
  const sources = [...new Set(references.map((r) => r.src))];
  const leadSource = article.image !== null && isProcessableImage(article.image) ? article.image : null;
  const sitePaths = [...sources, ...(leadSource === null ? [] : [leadSource])].map((src) => sitePathOf(assetUrl(src, where)) ?? assetUrl(src, where));
  const [body, lead] = await Promise.all([
    Promise.all(sources.map(async (src) => [src, await processor.process(assetUrl(src, where), { og: false })] as const)),
    leadSource === null ? null : processor.process(assetUrl(leadSource, where), { og: true }),
  ]);
  const processed = new Map(body);
  const diagnostics = bodyDiagnostics(article, references, processed, options.severity);
  if (lead && isImageError(lead)) diagnostics.push(diagnostic(article, lead, options.severity, { field: 'image' }));
  const leadImage = lead && !isImageError(lead) ? lead : null;
  const shownBody = [...processed].filter((entry): entry is [string, ProcessedImage] => !isImageError(entry[1]));
  const shown: ShownImages = { body: shownBody, lead: leadImage, sizes: options.sizes ?? ARTICLE_IMAGE_SIZES, basePath: options.basePath };
  const files = new Map<string, StaticFile>();
  for (const image of [...shownBody.map((entry) => entry[1]), leadImage]) {
    if (image) for (const file of image.files) files.set(file.outputPath, file);
  }
  return { ...imagesOnPage(shown), shown, sitePaths: [...new Set(sitePaths)], files: [...files.values()], diagnostics };
}

/** How a page renders the images it shows: body images as `<picture>`s, the lead image eager. */
export function imagesOnPage(shown: ShownImages): ImagesOnPage {
  const body = new Map(shown.body);
  const { sizes, basePath } = shown;
  return {
    renderImage(src, alt) {
      const image = body.get(src);
      return image ? pictureHtml(image, alt, { lead: false, sizes, basePath }) : undefined;
    },
    lead: shown.lead && { html: pictureHtml(shown.lead, '', { lead: true, sizes, basePath }), ogImage: shown.lead.ogImage!, image: shown.lead },
  };
}

function bodyDiagnostics(article: Article, references: readonly BodyImage[], processed: ReadonlyMap<string, ProcessedImage | ImageError>, severity: Diagnostic['severity']): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const reference of references) {
    const result = processed.get(reference.src);
    if (result && isImageError(result)) diagnostics.push(diagnostic(article, result, severity, { line: article.bodyLine + reference.bodyLine }));
  }
  return diagnostics;
}

function diagnostic(article: Article, failure: ImageError, severity: Diagnostic['severity'], where: { line?: number; field?: string }): Diagnostic {
  return { severity, file: article.source.displayPath, ...where, message: failure.error, hint: HINTS[failure.reason] };
}

/** Every article's images, processed side by side (the processor bounds the work), with the files of all of them once each. */
export async function processSiteImages(
  processor: ImageProcessor,
  articles: readonly Article[],
  options: ArticleImageOptions,
): Promise<{ byArticle: ArticleImages[]; files: StaticFile[]; diagnostics: Diagnostic[] }> {
  const byArticle = await Promise.all(articles.map((article) => processArticleImages(processor, article, options)));
  const files = new Map<string, StaticFile>();
  for (const images of byArticle) for (const file of images.files) files.set(file.outputPath, file);
  return {
    byArticle,
    files: [...files.values()].sort((a, b) => (a.outputPath < b.outputPath ? -1 : a.outputPath > b.outputPath ? 1 : 0)),
    diagnostics: byArticle.flatMap((images) => images.diagnostics),
  };
}
