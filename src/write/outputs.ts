import type { ResolvedConfig } from '../config/types.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Route, SiteModel } from '../model/types.js';
import { feedFiles } from './feeds.js';
import type { GeneratedFile } from './generated.js';
import { robotsFile } from './robots.js';
import { NEWS_SITEMAP_PATH, SITEMAP_PATH, newsSitemapFiles, sitemapFiles } from './sitemaps.js';
import type { StaticFile } from './static-files.js';

/**
 * The files made from the whole site besides its pages: RSS feeds, sitemaps and robots.txt. A
 * robots.txt of the site's own (in static/) wins over the generated one.
 */
export async function planGeneratedFiles(site: SiteModel, config: ResolvedConfig, staticPaths: ReadonlySet<string>): Promise<{ files: GeneratedFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  if (config.baseUrl === '') {
    diagnostics.push(warning('no RSS feeds or sitemaps: they need the site\'s absolute address', { field: 'baseUrl', hint: 'Set "baseUrl" in bantin.config.json (e.g. "https://baotinh.vn") or build with --base-url.' }));
  }
  const sitemaps = await sitemapFiles(site, config);
  const files = [...feedFiles(site, config), ...sitemaps];
  if (!staticPaths.has('robots.txt')) {
    files.push(robotsFile(config, sitemaps.map((f) => f.outputPath).filter((p) => p === SITEMAP_PATH || p === NEWS_SITEMAP_PATH)));
  }
  return { files, diagnostics };
}

/**
 * The generated files that show article text (titles, sapos): feeds and the news sitemap. An edit
 * that leaves every article where it stands can change only these.
 */
export async function textBearingFiles(site: SiteModel, config: ResolvedConfig): Promise<GeneratedFile[]> {
  return [...feedFiles(site, config), ...(await newsSitemapFiles(site, config))];
}

/** Errors for generated files that would overwrite a page, a static file or each other. */
export function generatedCollisions(routes: readonly Route[], statics: readonly StaticFile[], generated: readonly GeneratedFile[]): Diagnostic[] {
  const taken = new Map<string, string>();
  for (const route of routes) taken.set(route.outputPath, route.source);
  for (const file of statics) taken.set(file.outputPath, `the file ${file.sourcePath}`);
  const diagnostics: Diagnostic[] = [];
  for (const file of generated) {
    const other = taken.get(file.outputPath);
    if (other === undefined) taken.set(file.outputPath, file.source);
    else diagnostics.push(error(`/${file.outputPath} is used by both ${other} and the ${file.source}`, { hint: 'Rename the page or file that takes this path: bantin writes feeds, sitemaps and robots.txt there.' }));
  }
  return diagnostics;
}
