import type { Sharp } from 'sharp';
import { ENCODING, type VariantSpec } from './plan.js';

/** What an image is, after its EXIF orientation is applied. */
export interface SourceInfo {
  readonly width: number;
  readonly height: number;
  /** The decoder's name: 'jpeg', 'png', 'webp', … */
  readonly format: string;
}

/** One encoded file. */
export interface EncodedFile {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** The image work, behind an interface so tests can count it. Both methods throw on input they cannot decode. */
export interface ImageEncoder {
  /** Names the encoder build in cache keys (a libvips upgrade re-encodes, since its bytes differ). */
  readonly version: string;
  /** Reads the header: size and format. */
  probe(source: Uint8Array): Promise<SourceInfo>;
  /** Makes every spec from one decode of the source, in the order given. */
  encode(source: Uint8Array, specs: readonly VariantSpec[]): Promise<EncodedFile[]>;
}

/** Decoding options for every input: EXIF orientation applied, broken pixel data refused (warnings tolerated). */
const INPUT = { autoOrient: true, failOn: 'error' } as const;

/** The sharp (libvips) encoder. sharp is loaded on first use, so commands that never resize do not load it. */
export async function createSharpEncoder(): Promise<ImageEncoder> {
  const { default: sharp } = await import('sharp');
  // libvips' operation cache keeps decoded images around for reuse; a build never asks twice
  sharp.cache(false);
  return {
    version: `sharp ${sharp.versions.sharp ?? '?'} libvips ${sharp.versions.vips}`,
    async probe(source) {
      const meta = await sharp(source, INPUT).metadata();
      return { width: meta.autoOrient.width, height: meta.autoOrient.height, format: meta.format };
    },
    async encode(source, specs) {
      const largest = Math.max(...specs.map((s) => s.width));
      // decode once (JPEG shrink-on-load makes this cheap), then every width from the largest one in memory
      const { data, info } = await sharp(source, INPUT)
        .resize({ width: largest, withoutEnlargement: true })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      const raw = { width: info.width, height: info.height, channels: info.channels };
      const files: EncodedFile[] = [];
      for (const spec of specs) {
        let pipeline = sharp(data, { raw });
        if (spec.width !== raw.width) pipeline = pipeline.resize({ width: spec.width });
        const out = await formatted(pipeline, spec, raw.channels).toBuffer({ resolveWithObject: true });
        files.push({ data: out.data, width: out.info.width, height: out.info.height });
      }
      return files;
    },
  };
}

function formatted(pipeline: Sharp, spec: VariantSpec, channels: number): Sharp {
  switch (spec.format) {
    case 'webp': return pipeline.webp({ quality: ENCODING.webpQuality });
    case 'png': return pipeline.png({ compressionLevel: ENCODING.pngCompression });
    case 'jpeg': return (channels === 4 ? pipeline.flatten({ background: '#ffffff' }) : pipeline).jpeg({ quality: ENCODING.jpegQuality, progressive: true, mozjpeg: false });
  }
}
