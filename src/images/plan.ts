import { createHash } from 'node:crypto';
import path from 'node:path';
import { slugify } from '../vi/slugify.js';

/** Formats of the files written for an image. */
export type ImageFormat = 'webp' | 'jpeg' | 'png';

/** Widths every local image is offered at (never above the original's width). */
export const IMAGE_WIDTHS: readonly number[] = [480, 960, 1600];
/** Width of the JPEG that share previews (og:image) read; Facebook recommends 1200. */
export const OG_WIDTH = 1200;
/** Encoder settings: part of every cache key and every output name. */
export const ENCODING = { version: 1, webpQuality: 75, jpegQuality: 78, pngCompression: 9 } as const;
/** Folder of the output that holds processed images (content `_` folders are never copied, so nothing clashes). */
export const IMAGE_OUTPUT_DIR = '_anh';

/** One file to make from a source image. */
export interface VariantSpec {
  /** The file's name in a cache entry, e.g. `960.webp`, `og-1200.jpg`. */
  readonly name: string;
  readonly width: number;
  readonly format: ImageFormat;
  /** `srcset` variants are shown in pages; the `og` one only in share metadata. */
  readonly role: 'srcset' | 'og';
}

/** The widths an image of `originalWidth` is offered at: the fixed widths below it, and itself when under the largest. */
export function variantWidths(originalWidth: number): number[] {
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  const widths = IMAGE_WIDTHS.filter((w) => w <= originalWidth);
  if (originalWidth < largest && !widths.includes(originalWidth)) widths.push(originalWidth);
  return widths;
}

const EXTENSION: Readonly<Record<ImageFormat, string>> = { webp: 'webp', jpeg: 'jpg', png: 'png' };

/** A file extension without the dot. */
export function extensionOf(format: ImageFormat): string {
  return EXTENSION[format];
}

/**
 * The files an image becomes: every width in WebP and in its own format (JPEG stays JPEG, PNG stays
 * PNG), and with `og` a JPEG `OG_WIDTH` wide (or the original's width when narrower) unless a
 * JPEG of that width is already among them.
 */
export function planVariants(originalWidth: number, fallback: 'jpeg' | 'png', og: boolean): VariantSpec[] {
  const specs: VariantSpec[] = [];
  for (const width of variantWidths(originalWidth)) {
    for (const format of ['webp', fallback] as const) specs.push({ name: `${width}.${extensionOf(format)}`, width, format, role: 'srcset' });
  }
  const ogWidth = Math.min(OG_WIDTH, originalWidth);
  if (og && !specs.some((s) => s.format === 'jpeg' && s.width === ogWidth)) specs.push({ name: `og-${ogWidth}.jpg`, width: ogWidth, format: 'jpeg', role: 'og' });
  return specs;
}

/** The spec share previews use, among specs planned with `og`: the og JPEG, or the JPEG variant of the og width. */
export function ogSpec(specs: readonly VariantSpec[], originalWidth: number): VariantSpec | undefined {
  const width = Math.min(OG_WIDTH, originalWidth);
  return specs.find((s) => s.role === 'og') ?? specs.find((s) => s.format === 'jpeg' && s.width === width);
}

/** SHA-256 of some parts, hex. */
export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

const SETTINGS = JSON.stringify({ widths: IMAGE_WIDTHS, og: OG_WIDTH, ...ENCODING });

/**
 * The hash in output names: the source's bytes and the encoder settings (not the libvips version,
 * so upgrading sharp does not rename every image of the archive).
 */
export function outputHash(sourceHash: string): string {
  return sha256(sourceHash, SETTINGS).slice(0, 12);
}

/** Key of a cache entry: the source's bytes, the settings and the encoder build. */
export function cacheKey(sourceHash: string, encoderVersion: string): string {
  return sha256(sourceHash, SETTINGS, encoderVersion);
}

/** Output path of a variant: `_anh/<name-slug>-<hash12>-<width>.<ext>` (og: `-og<width>.jpg`). */
export function variantOutputPath(sitePath: string, hash: string, spec: VariantSpec): string {
  const stem = slugify(path.posix.basename(sitePath, path.posix.extname(sitePath))).slice(0, 60).replace(/-+$/, '') || 'anh';
  const suffix = spec.role === 'og' ? `og${spec.width}` : String(spec.width);
  return `${IMAGE_OUTPUT_DIR}/${stem}-${hash}-${suffix}.${extensionOf(spec.format)}`;
}
