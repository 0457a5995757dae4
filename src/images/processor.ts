import { readFile, stat } from 'node:fs/promises';
import type { StaticFile } from '../write/static-files.js';
import { ImageCache, type CacheManifest, type CachedFile } from './cache.js';
import { createSharpEncoder, type ImageEncoder } from './encoder.js';
import { createKeyedQueue, createLimiter, type Limiter } from './limit.js';
import { cacheKey, ogSpec, outputHash, planVariants, sha256, variantOutputPath, type ImageFormat, type VariantSpec } from './plan.js';
import { resolveImageSource, sitePathOf } from './source.js';

/** One file made from a source image. */
export interface ImageVariant {
  /** Where it goes, relative to the output folder (`_anh/x-1a2b3c4d5e6f-960.webp`). */
  readonly outputPath: string;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly bytes: number;
  /** The file in the cache, to copy to `outputPath`. */
  readonly file: string;
}

/** A processed image: what a page shows and the files to write. */
export interface ProcessedImage {
  /** The source file, relative to the site root (`content/anh/x.jpg`). */
  readonly source: string;
  /** Size of the largest variant: the `<img>`'s width and height. */
  readonly width: number;
  readonly height: number;
  /** The srcset variants, narrowest first, WebP before the fallback format at each width. */
  readonly variants: readonly ImageVariant[];
  /** The format offered besides WebP: the source's own. */
  readonly fallback: 'jpeg' | 'png';
  /** The share-preview JPEG (asked with `og`), else null. */
  readonly og: ImageVariant | null;
  /** `og`'s output path: the file og:image points to. */
  readonly ogImage: string | null;
  /** Every file to write (each variant, and the og JPEG when it is a file of its own). */
  readonly files: readonly StaticFile[];
}

/** Why an image could not be processed: the file is not there, or is not an image sharp can read. */
export interface ImageError {
  readonly error: string;
  readonly reason: 'missing' | 'undecodable';
}

/** Where images come from and where processed ones are kept between builds. */
export interface ImageProcessorOptions {
  readonly contentDir: string;
  readonly staticDir: string | null;
  readonly root: string;
  /** e.g. `<root>/.bantin-cache/images`. */
  readonly cacheDir: string;
  /** Images decoded at once (sharp spreads each over its own thread pool); default 2. */
  readonly concurrency?: number;
  /** The encoder; default sharp. */
  readonly encoder?: ImageEncoder;
}

type Source = { readonly file: string; readonly displayPath: string; readonly sitePath: string };

/**
 * Resizes local images into responsive variants, once: results are kept in a cache keyed by the
 * source's bytes, the settings and the encoder build, so a warm build only hashes sources.
 */
export class ImageProcessor {
  private readonly cache: ImageCache;
  private readonly decodeLimit: Limiter;
  private readonly readLimit: Limiter = createLimiter(8);
  private readonly sameKey = createKeyedQueue();
  private readonly memo = new Map<string, Promise<ProcessedImage | ImageError>>();
  private encoder: Promise<ImageEncoder> | null = null;

  constructor(private readonly options: ImageProcessorOptions) {
    this.cache = new ImageCache(options.cacheDir);
    this.decodeLimit = createLimiter(options.concurrency ?? 2);
  }

  /**
   * Resolves a site path ("/anh/x.jpg") to its source file, processes it (cached), and returns what
   * to render and the files to write. `og` (default true) adds the share-preview JPEG. Missing and
   * undecodable images come back as an ImageError, not thrown; disk errors on the cache throw.
   */
  async process(sitePath: string, options: { og?: boolean } = {}): Promise<ProcessedImage | ImageError> {
    const og = options.og ?? true;
    const found = await resolveImageSource(sitePath, this.options);
    if ('missing' in found) return { error: `the image ${found.missing}`, reason: 'missing' };
    const source = { ...found, sitePath: sitePathOf(sitePath)! };
    // the same file, unchanged since, gives the same answer: no re-hashing within a build or a dev session
    const stats = await stat(source.file).catch(() => null);
    if (!stats) return vanished(source);
    const memoKey = [source.sitePath, source.file, stats.size, stats.mtimeMs, og].join('\0');
    let result = this.memo.get(memoKey);
    if (!result) {
      result = this.run(source, og).catch((cause: unknown) => {
        const { code, path } = cause as NodeJS.ErrnoException;
        if (code === 'ENOENT' && path === source.file) return vanished(source);
        throw cause;
      });
      this.memo.set(memoKey, result);
      result.catch(() => this.memo.delete(memoKey));
    }
    return result;
  }

  private encoderReady(): Promise<ImageEncoder> {
    this.encoder ??= this.options.encoder ? Promise.resolve(this.options.encoder) : createSharpEncoder();
    return this.encoder;
  }

  private async run(source: Source, og: boolean): Promise<ProcessedImage | ImageError> {
    const { version } = await this.encoderReady();
    // hash first without holding the bytes: a warm build needs nothing else
    const hash = await this.readLimit(async () => sha256(await readFile(source.file)));
    const cached = await this.sameKey(hash, () => this.fromCache(hash, cacheKey(hash, version), source, og));
    if (cached) return cached;
    return this.decodeLimit(async () => {
      const bytes = await readFile(source.file);
      // read again: the file may have changed since it was hashed, and a key must match its bytes
      const current = sha256(bytes);
      const key = cacheKey(current, version);
      return this.sameKey(current, async () => (await this.fromCache(current, key, source, og)) ?? this.encode(bytes, current, key, source, og));
    });
  }

  /** The result from a complete cache entry, or null when anything it needs is absent or damaged. */
  private async fromCache(hash: string, key: string, source: Source, og: boolean): Promise<ProcessedImage | null> {
    const manifest = await this.cache.manifest(key);
    if (!manifest) return null;
    for (const spec of planVariants(manifest.width, manifest.fallback, og)) {
      const file = manifest.files[spec.name];
      if (!file || !(await this.cache.has(key, spec.name, file))) return null;
    }
    return this.result(manifest, hash, source, og);
  }

  /** Encodes the files an entry lacks (all of them for a new source) and stores them. */
  private async encode(bytes: Uint8Array, hash: string, key: string, source: Source, og: boolean): Promise<ProcessedImage | ImageError> {
    const encoder = await this.encoderReady();
    let manifest = await this.cache.manifest(key);
    const made = new Map<string, Uint8Array>();
    const files: Record<string, CachedFile> = { ...manifest?.files };
    try {
      if (!manifest) {
        const info = await encoder.probe(bytes);
        manifest = { key, width: info.width, height: info.height, fallback: info.format === 'png' ? 'png' : 'jpeg', files };
      }
      const missing: VariantSpec[] = [];
      for (const spec of planVariants(manifest.width, manifest.fallback, og)) {
        const file = manifest.files[spec.name];
        if (!file || !(await this.cache.has(key, spec.name, file))) missing.push(spec);
      }
      const encoded = await encoder.encode(bytes, missing);
      missing.forEach((spec, i) => {
        const out = encoded[i]!;
        made.set(spec.name, out.data);
        files[spec.name] = { width: out.width, height: out.height, format: spec.format, bytes: out.data.byteLength };
      });
    } catch (cause) {
      return { error: `the image ${source.displayPath} cannot be decoded: ${cause instanceof Error ? cause.message : String(cause)}`, reason: 'undecodable' };
    }
    manifest = { ...manifest, files };
    await this.cache.store(manifest, made);
    return this.result(manifest, hash, source, og);
  }

  private result(manifest: CacheManifest, hash: string, source: Source, og: boolean): ProcessedImage {
    const name = outputHash(hash);
    const specs = planVariants(manifest.width, manifest.fallback, og);
    const variant = (spec: VariantSpec): ImageVariant => {
      const file = manifest.files[spec.name]!;
      return { outputPath: variantOutputPath(source.sitePath, name, spec), width: file.width, height: file.height, format: spec.format, bytes: file.bytes, file: this.cache.filePath(manifest.key, spec.name) };
    };
    const variants = specs.filter((s) => s.role === 'srcset').map(variant);
    const shared = og ? ogSpec(specs, manifest.width) : undefined;
    const ogVariant = shared ? variant(shared) : null;
    const written = shared?.role === 'og' ? [...variants, ogVariant!] : variants;
    const largest = variants[variants.length - 1]!;
    return {
      source: source.displayPath,
      width: largest.width,
      height: largest.height,
      variants,
      fallback: manifest.fallback,
      og: ogVariant,
      ogImage: ogVariant?.outputPath ?? null,
      files: written.map((v) => ({ sourcePath: v.file, outputPath: v.outputPath })),
    };
  }
}

/** A source deleted while it was being processed (a save in `bantin dev`). */
function vanished(source: Source): ImageError {
  return { error: `the image ${source.sitePath}: ${source.displayPath} was removed while it was read`, reason: 'missing' };
}

/** Whether a result is an error. */
export function isImageError(result: ProcessedImage | ImageError): result is ImageError {
  return 'error' in result;
}
