import { mkdtemp, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharpEncoder, type ImageEncoder } from '../../src/images/encoder.js';
import { ImageProcessor, isImageError, type ImageError, type ProcessedImage } from '../../src/images/processor.js';
import { readBack, writeCorrupt, writeJpeg, writePng } from '../fixtures/images/photos.js';

let root: string;
const content = () => path.join(root, 'content');
const statics = () => path.join(root, 'static');

/** The real encoder, counting its calls and how many encodes ran at once. */
async function countingEncoder() {
  const inner = await createSharpEncoder();
  const calls = { probe: 0, encode: 0, files: [] as string[], active: 0, peak: 0 };
  const encoder: ImageEncoder = {
    version: inner.version,
    async probe(source) {
      calls.probe++;
      return inner.probe(source);
    },
    async encode(source, specs) {
      calls.encode++;
      calls.files.push(...specs.map((s) => s.name));
      calls.peak = Math.max(calls.peak, ++calls.active);
      try {
        return await inner.encode(source, specs);
      } finally {
        calls.active--;
      }
    },
  };
  return { encoder, calls };
}

async function processor(cacheName = 'cache', concurrency?: number) {
  const { encoder, calls } = await countingEncoder();
  const images = new ImageProcessor({ contentDir: content(), staticDir: statics(), root, cacheDir: path.join(root, cacheName), encoder, ...(concurrency ? { concurrency } : {}) });
  return { images, calls };
}

function ok(result: ProcessedImage | ImageError): ProcessedImage {
  if (isImageError(result)) throw new Error(result.error);
  return result;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bantin-images-'));
  await writeJpeg(path.join(content(), 'anh/lon.jpg'), 4000, 3000);
  await writePng(path.join(content(), 'anh/so-do.png'), 600, 400, true);
  await writeJpeg(path.join(content(), 'anh/nho.jpg'), 300, 200);
  await writeJpeg(path.join(content(), 'anh/vua.jpg'), 1400, 1050);
  await writeJpeg(path.join(content(), 'anh/xoay.jpg'), 400, 300, 6);
  await writeCorrupt(path.join(content(), 'anh/hong.jpg'));
  await writeJpeg(path.join(content(), '_nhap/an.jpg'), 100, 100);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ImageProcessor: sizes and formats', () => {
  it('resizes a 4000×3000 JPEG to 480, 960 and 1600 in WebP and JPEG, and a 1200 JPEG for share previews', async () => {
    const { images } = await processor('cache-large');
    const image = ok(await images.process('/anh/lon.jpg'));
    expect(image.variants.map((v) => `${v.width}x${v.height}.${v.format}`)).toEqual(['480x360.webp', '480x360.jpeg', '960x720.webp', '960x720.jpeg', '1600x1200.webp', '1600x1200.jpeg']);
    expect([image.width, image.height]).toEqual([1600, 1200]);
    for (const v of image.variants) {
      expect(await readBack(v.file)).toMatchObject({ width: v.width, height: v.height, format: v.format });
      expect(v.outputPath).toMatch(new RegExp(`^_anh/lon-[0-9a-f]{12}-${v.width}\\.${v.format === 'jpeg' ? 'jpg' : 'webp'}$`));
    }
    expect(image.og).toMatchObject({ width: 1200, height: 900, format: 'jpeg' });
    expect(await readBack(image.og!.file)).toMatchObject({ width: 1200, height: 900, format: 'jpeg' });
    expect(image.ogImage).toMatch(/^_anh\/lon-[0-9a-f]{12}-og1200\.jpg$/);
    expect(image.files.map((f) => f.outputPath)).toEqual([...image.variants.map((v) => v.outputPath), image.ogImage]);
    expect(image.source).toBe('content/anh/lon.jpg');
  });

  it('never upscales: a 600 px PNG gives 480 and 600 in WebP and PNG (alpha kept), and a 600 px JPEG on white for share previews', async () => {
    const { images } = await processor();
    const image = ok(await images.process('/anh/so-do.png'));
    expect(image.variants.map((v) => `${v.width}x${v.height}.${v.format}`)).toEqual(['480x320.webp', '480x320.png', '600x400.webp', '600x400.png']);
    expect(await readBack(image.variants[3]!.file)).toEqual({ width: 600, height: 400, format: 'png', hasAlpha: true });
    expect(await readBack(image.variants[2]!.file)).toMatchObject({ format: 'webp', hasAlpha: true });
    expect(await readBack(image.og!.file)).toEqual({ width: 600, height: 400, format: 'jpeg', hasAlpha: false });
    expect(image.fallback).toBe('png');
  });

  it('keeps a small JPEG at its own width, and shares that JPEG rather than making another', async () => {
    const { images } = await processor();
    const image = ok(await images.process('/anh/nho.jpg'));
    expect(image.variants.map((v) => `${v.width}x${v.height}.${v.format}`)).toEqual(['300x200.webp', '300x200.jpeg']);
    expect(image.ogImage).toBe(image.variants[1]!.outputPath);
    expect(image.files).toHaveLength(2);
  });

  it('keeps a 1400 px original as the largest width, with a separate 1200 px share JPEG', async () => {
    const { images } = await processor();
    const image = ok(await images.process('/anh/vua.jpg'));
    expect([...new Set(image.variants.map((v) => v.width))]).toEqual([480, 960, 1400]);
    expect(image.og).toMatchObject({ width: 1200, height: 900 });
  });

  it('applies the EXIF orientation: a 400×300 photo tagged "rotate 90°" is 300×400', async () => {
    const { images } = await processor();
    const image = ok(await images.process('/anh/xoay.jpg', { og: false }));
    expect([image.width, image.height]).toEqual([300, 400]);
    expect(await readBack(image.variants[1]!.file)).toMatchObject({ width: 300, height: 400 });
    expect(image.og).toBeNull();
  });
});

describe('ImageProcessor: where images come from', () => {
  it('reads static/ before content/ for a root-relative path, as the copy does', async () => {
    await writeJpeg(path.join(statics(), 'anh/nho.jpg'), 200, 100);
    const { images } = await processor();
    const image = ok(await images.process('/anh/nho.jpg'));
    expect([image.width, image.height, image.source]).toEqual([200, 100, 'static/anh/nho.jpg']);
    await rm(path.join(statics(), 'anh'), { recursive: true });
  });

  it('reports a missing image, naming the path and the folders looked in', async () => {
    const { images } = await processor();
    expect(await images.process('/anh/khong-co.jpg')).toEqual({ error: 'the image /anh/khong-co.jpg: there is no file static/anh/khong-co.jpg or content/anh/khong-co.jpg', reason: 'missing' });
  });

  it('reports an undecodable image, naming the file', async () => {
    const { images, calls } = await processor('cache-corrupt');
    const result = await images.process('/anh/hong.jpg');
    expect(isImageError(result) && result.reason).toBe('undecodable');
    expect(isImageError(result) && result.error).toMatch(/^the image content\/anh\/hong\.jpg cannot be decoded: .+/);
    expect(calls.encode).toBe(0);
    expect(await readdir(path.join(root, 'cache-corrupt')).catch(() => [])).toEqual([]);
  });

  it('finds nothing outside the site, in unpublished `_` folders or behind a symbolic link', async () => {
    await symlink(path.join(content(), 'anh/nho.jpg'), path.join(content(), 'anh/lien-ket.jpg'));
    const { images } = await processor();
    const errors = await Promise.all(['/../content/anh/nho.jpg', '/anh/../../x.jpg', 'anh/nho.jpg', '/_nhap/an.jpg', '/anh/lien-ket.jpg'].map((p) => images.process(p)));
    expect(errors).toEqual([
      { error: 'the image /../content/anh/nho.jpg is not a path inside the site', reason: 'missing' },
      { error: 'the image /anh/../../x.jpg is not a path inside the site', reason: 'missing' },
      { error: 'the image anh/nho.jpg is not a path inside the site', reason: 'missing' },
      { error: 'the image /_nhap/an.jpg: there is no file static/_nhap/an.jpg', reason: 'missing' },
      { error: 'the image /anh/lien-ket.jpg: there is no file static/anh/lien-ket.jpg or content/anh/lien-ket.jpg (a symbolic link, never followed)', reason: 'missing' },
    ]);
  });

  it('decodes percent-escapes, as markdown-it writes non-ASCII names', async () => {
    await writeJpeg(path.join(content(), 'anh/ảnh lễ hội.jpg'), 500, 250);
    const { images } = await processor();
    const image = ok(await images.process('/anh/%E1%BA%A3nh%20l%E1%BB%85%20h%E1%BB%99i.jpg'));
    expect(image.variants[0]!.outputPath).toMatch(/^_anh\/anh-le-hoi-[0-9a-f]{12}-480\.webp$/);
  });
});

describe('ImageProcessor: cache and limits', () => {
  it('does no image work on a second build over the same cache, and names files the same', async () => {
    const first = await processor('cache-warm');
    const cold = ok(await first.images.process('/anh/lon.jpg'));
    expect([first.calls.probe, first.calls.encode, first.calls.files.length]).toEqual([1, 1, 7]);
    const second = await processor('cache-warm');
    const warm = ok(await second.images.process('/anh/lon.jpg'));
    expect([second.calls.probe, second.calls.encode]).toEqual([0, 0]);
    expect(warm).toEqual(cold);
  });

  it('processes an image once per build however many articles show it', async () => {
    const { images, calls } = await processor('cache-memo');
    const results = await Promise.all([1, 2, 3].map(() => images.process('/anh/nho.jpg')));
    expect(calls.encode).toBe(1);
    expect(new Set(results.map((r) => ok(r).variants[0]!.outputPath)).size).toBe(1);
  });

  it('redoes only a damaged file of a cache entry, and all of an entry whose manifest is unreadable', async () => {
    const first = await processor('cache-damaged');
    const image = ok(await first.images.process('/anh/vua.jpg'));
    const damaged = image.variants[3]!;
    await truncate(damaged.file, 100);
    const second = await processor('cache-damaged');
    ok(await second.images.process('/anh/vua.jpg'));
    expect(second.calls.files).toEqual([path.basename(damaged.file)]);
    expect(await readBack(damaged.file)).toMatchObject({ width: damaged.width, format: 'jpeg' });
    await writeFile(path.join(path.dirname(damaged.file), 'manifest.json'), '{"key": "khác"');
    const third = await processor('cache-damaged');
    ok(await third.images.process('/anh/vua.jpg'));
    expect(third.calls.files).toHaveLength(7);
  });

  it('adds the share JPEG to an entry made without it, encoding nothing else', async () => {
    ok(await (await processor('cache-og')).images.process('/anh/lon.jpg', { og: false }));
    const later = await processor('cache-og');
    expect(ok(await later.images.process('/anh/lon.jpg')).og).toMatchObject({ width: 1200 });
    expect(later.calls.files).toEqual(['og-1200.jpg']);
  });

  it('names outputs by content: new bytes give new names, the same bytes elsewhere the same hash', async () => {
    await writeJpeg(path.join(content(), 'khac/nho.jpg'), 300, 200);
    await writeJpeg(path.join(content(), 'doi/nho.jpg'), 300, 201);
    const { images } = await processor();
    const [a, b, c] = (await Promise.all(['/anh/nho.jpg', '/khac/nho.jpg', '/doi/nho.jpg'].map((p) => images.process(p)))).map((r) => ok(r).variants[0]!.outputPath);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('decodes at most `concurrency` images at once', async () => {
    const { images, calls } = await processor('cache-limit', 2);
    const paths = ['/anh/lon.jpg', '/anh/vua.jpg', '/anh/nho.jpg', '/anh/so-do.png', '/anh/xoay.jpg'];
    const results = await Promise.all(paths.map((p) => images.process(p)));
    expect(results.every((r) => !isImageError(r))).toBe(true);
    expect(calls.encode).toBe(5);
    expect(calls.peak).toBe(2);
  });
});
