import type { ResolvedConfig } from '../config/types.js';
import type { GeneratedFile } from './generated.js';

/**
 * robots.txt: every crawler may read every page, and a Sitemap line with the absolute URL of each of
 * `sitemapPaths` (output paths such as "sitemap.xml"); no Sitemap lines without a base URL.
 */
export function robotsFile(config: ResolvedConfig, sitemapPaths: readonly string[]): GeneratedFile {
  const lines = ['User-agent: *', 'Allow: /'];
  if (config.baseUrl !== '' && sitemapPaths.length > 0) {
    lines.push('', ...sitemapPaths.map((path) => `Sitemap: ${config.baseUrl}/${path.replace(/^\/+/, '')}`));
  }
  const text = `${lines.join('\n')}\n`;
  return { outputPath: 'robots.txt', source: 'robots.txt', content: () => text };
}
