import type { ImageVariant, ProcessedImage } from './processor.js';
import { escapeHtml } from '../html.js';

/**
 * How wide an image in an article's column is shown by the default theme: the viewport less the
 * page's padding on narrow screens (one column below 800px), about 720px in the two-column layout.
 */
export const ARTICLE_IMAGE_SIZES = '(max-width: 800px) calc(100vw - 32px), 720px';

const MIME: Readonly<Record<ImageVariant['format'], string>> = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

/** A variant's root-relative URL under the site's base path. */
export function variantHref(outputPath: string, basePath: string): string {
  return `${basePath}/${outputPath}`;
}

function srcset(variants: readonly ImageVariant[], basePath: string): string {
  return variants.map((v) => `${variantHref(v.outputPath, basePath)} ${v.width}w`).join(', ');
}

/**
 * A `<picture>`: a WebP `<source>`, and an `<img>` in the source's own format with `srcset`,
 * `sizes`, the largest variant's `width` and `height` (the box is reserved before it loads),
 * `decoding="async"`, and `loading="lazy"`, or for the lead image `loading="eager"` and
 * `fetchpriority="high"`. Every attribute is escaped.
 */
export function pictureHtml(image: ProcessedImage, alt: string, options: { lead: boolean; sizes: string; basePath: string }): string {
  const webp = image.variants.filter((v) => v.format === 'webp');
  const fallback = image.variants.filter((v) => v.format === image.fallback);
  const largest = fallback[fallback.length - 1]!;
  const sizes = escapeHtml(options.sizes);
  const loading = options.lead ? 'loading="eager" fetchpriority="high"' : 'loading="lazy"';
  const source = webp.length > 0 ? `<source type="${MIME.webp}" srcset="${escapeHtml(srcset(webp, options.basePath))}" sizes="${sizes}">` : '';
  const img =
    `<img src="${escapeHtml(variantHref(largest.outputPath, options.basePath))}" srcset="${escapeHtml(srcset(fallback, options.basePath))}" sizes="${sizes}"` +
    ` width="${image.width}" height="${image.height}" alt="${escapeHtml(alt)}" ${loading} decoding="async">`;
  return `<picture>${source}${img}</picture>`;
}
