import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { robotsFile } from '../../src/write/robots.js';
import { NEWS_SITEMAP_PATH, SITEMAP_PATH } from '../../src/write/sitemaps.js';
import { fixturePath } from '../helpers/site.js';

/** The portal fixture's config with base URL `baseUrl`, or none. */
function siteConfig(baseUrl?: string): ResolvedConfig {
  const options = { root: fixturePath('portal'), now: '2026-01-01T00:00:00+07:00', ...(baseUrl === undefined ? {} : { baseUrl }) };
  return resolveConfig(options, { title: 'Báo Thử' }, null).config;
}

describe('robotsFile', () => {
  it('allows every crawler and points to the sitemaps by absolute URL under the base path', () => {
    const file = robotsFile(siteConfig('https://example.vn/bao'), [SITEMAP_PATH, NEWS_SITEMAP_PATH]);
    expect(file.outputPath).toBe('robots.txt');
    expect(file.source).toBe('robots.txt');
    expect(file.content()).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.vn/bao/sitemap.xml\nSitemap: https://example.vn/bao/news-sitemap.xml\n',
    );
  });

  it('takes sitemap paths with or without a leading slash', () => {
    expect(robotsFile(siteConfig('https://example.vn'), ['/sitemap.xml']).content()).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.vn/sitemap.xml\n');
  });

  it('has no Sitemap lines without a base URL, or without sitemaps', () => {
    expect(robotsFile(siteConfig(), [SITEMAP_PATH, NEWS_SITEMAP_PATH]).content()).toBe('User-agent: *\nAllow: /\n');
    expect(robotsFile(siteConfig('https://example.vn/bao'), []).content()).toBe('User-agent: *\nAllow: /\n');
  });
});
