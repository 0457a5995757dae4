import type { Diagnostic } from '../diagnostics.js';
import type { BodyLink } from '../markdown/index.js';
import type { ArticleId, SiteModel } from './types.js';

const ORIGIN = 'http://bantin.invalid';

/**
 * Links in article bodies that lead to no page or file of the site. Links with a scheme
 * (https:, mailto:) or to another host are not checked; relative links are read from the article's URL.
 */
export function findBrokenLinks(
  site: SiteModel,
  bodyLinks: ReadonlyMap<ArticleId, readonly BodyLink[]>,
  hasOutput: (outputPath: string) => boolean,
  severity: Diagnostic['severity'],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [id, links] of bodyLinks) {
    const article = site.articles[id]!;
    for (const link of links) {
      const target = internalPath(link.href, site.articleUrls[id]!);
      if (target === null || leadsSomewhere(target, hasOutput)) continue;
      diagnostics.push({
        severity,
        file: article.source.displayPath,
        line: article.bodyLine + link.bodyLine,
        message: `the link to ${link.href} leads to no page of the site`,
        hint: 'Correct the address (articles are at /<chuyên-mục>/<slug>/, days at /yyyy/mm/dd/) or remove the link.',
      });
    }
  }
  return diagnostics;
}

/** The site path a link points to, or null for links to other hosts, other schemes and same-page anchors. */
function internalPath(href: string, fromUrl: string): string | null {
  if (href === '' || href.startsWith('#') || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  try {
    const url = new URL(href, ORIGIN + fromUrl);
    return url.origin === ORIGIN ? decodeURIComponent(url.pathname) : null;
  } catch {
    return href;
  }
}

function leadsSomewhere(path: string, hasOutput: (outputPath: string) => boolean): boolean {
  const relative = path.slice(1);
  if (relative !== '' && !relative.endsWith('/') && hasOutput(relative)) return true;
  const folder = relative === '' || relative.endsWith('/') ? relative : `${relative}/`;
  return hasOutput(`${folder}index.html`);
}
