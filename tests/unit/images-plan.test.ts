import { describe, expect, it } from 'vitest';
import { cacheKey, ogSpec, outputHash, planVariants, variantOutputPath, variantWidths } from '../../src/images/plan.js';
import { isProcessableImage, sitePathOf } from '../../src/images/source.js';

describe('variantWidths', () => {
  it('offers 480, 960 and 1600 below the original, and the original itself when narrower than 1600', () => {
    expect(variantWidths(4000)).toEqual([480, 960, 1600]);
    expect(variantWidths(1600)).toEqual([480, 960, 1600]);
    expect(variantWidths(1400)).toEqual([480, 960, 1400]);
    expect(variantWidths(960)).toEqual([480, 960]);
    expect(variantWidths(600)).toEqual([480, 600]);
    expect(variantWidths(300)).toEqual([300]);
  });
});

describe('planVariants', () => {
  it('pairs each width in WebP with the source format, and adds a 1200 JPEG for share previews', () => {
    const specs = planVariants(4000, 'jpeg', true);
    expect(specs.map((s) => s.name)).toEqual(['480.webp', '480.jpg', '960.webp', '960.jpg', '1600.webp', '1600.jpg', 'og-1200.jpg']);
    expect(ogSpec(specs, 4000)).toMatchObject({ width: 1200, format: 'jpeg', role: 'og' });
  });

  it('reuses a JPEG variant of the share width instead of a separate file, and never upscales the share JPEG', () => {
    const specs = planVariants(1000, 'jpeg', true);
    expect(specs.map((s) => s.name)).toEqual(['480.webp', '480.jpg', '960.webp', '960.jpg', '1000.webp', '1000.jpg']);
    expect(ogSpec(specs, 1000)).toMatchObject({ name: '1000.jpg', role: 'srcset' });
    expect(planVariants(600, 'png', true).at(-1)).toEqual({ name: 'og-600.jpg', width: 600, format: 'jpeg', role: 'og' });
  });

  it('plans no share JPEG unless asked', () => {
    expect(planVariants(4000, 'png', false).map((s) => s.name)).toEqual(['480.webp', '480.png', '960.webp', '960.png', '1600.webp', '1600.png']);
  });
});

describe('output names', () => {
  const spec = { name: '960.webp', width: 960, format: 'webp', role: 'srcset' } as const;

  it('are _anh/<slug of the file name>-<hash>-<width>.<ext>, Vietnamese names folded', () => {
    expect(variantOutputPath('/thoi-su/anh/Ảnh Lễ Hội.JPG', 'abcdef012345', spec)).toBe('_anh/anh-le-hoi-abcdef012345-960.webp');
    expect(variantOutputPath('/anh/😀.png', 'abcdef012345', spec)).toBe('_anh/anh-abcdef012345-960.webp');
    expect(variantOutputPath('/anh/x.jpg', 'abcdef012345', { name: 'og-1200.jpg', width: 1200, format: 'jpeg', role: 'og' })).toBe('_anh/x-abcdef012345-og1200.jpg');
  });

  it('hash the source bytes and settings, while cache keys also follow the encoder build', () => {
    expect(outputHash('a')).toMatch(/^[0-9a-f]{12}$/);
    expect(outputHash('a')).not.toBe(outputHash('b'));
    expect(cacheKey('a', 'libvips 8.18')).not.toBe(cacheKey('a', 'libvips 8.19'));
  });
});

describe('image references', () => {
  it('processes local JPEG and PNG only: remote, data:, protocol-relative, GIF and SVG stay as they are', () => {
    expect(['anh/x.jpg', '/anh/x.JPEG', 'x.png?v=2', '../anh/x.jpg#top'].map(isProcessableImage)).toEqual([true, true, true, true]);
    expect(['https://example.vn/x.jpg', '//cdn.example.vn/x.jpg', 'data:image/png;base64,AAAA', 'anh/x.gif', 'anh/x.svg', '#x.jpg', ''].map(isProcessableImage)).toEqual([false, false, false, false, false, false, false]);
  });

  it('become site paths: query cut, escapes decoded, NFC; climbing out of the root is refused', () => {
    expect(sitePathOf('/anh/%E1%BA%A3nh.jpg?v=2')).toBe('/anh/ảnh.jpg');
    expect(sitePathOf('/anh/a%ZZ.jpg')).toBe('/anh/a%ZZ.jpg');
    expect(sitePathOf('/anh/a\u0301.jpg')).toBe('/anh/á.jpg');
    expect(['/../x.jpg', '/anh//x.jpg', 'anh/x.jpg', '/anh/%2e%2e/x.jpg', '/anh\\x.jpg'].map(sitePathOf)).toEqual([null, null, null, null, null]);
  });
});
