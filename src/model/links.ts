import type { Diagnostic } from '../diagnostics.js';
import type { BodyLink } from '../markdown/index.js';
import type { SiteModel } from './types.js';

const ORIGIN = 'http://bantin.invalid';

/**
 * Links in article bodies that lead to no page or file of the site. Links with a scheme
 * (https:, mailto:) or to another host are not checked; relative links are read from the article's URL.
 */
export function findBrokenLinks(
  site: SiteModel,
  bodyLinks: ReadonlyMap<string, readonly BodyLink[]>,
  staticOutputPaths: Iterable<string>,
  severity: Diagnostic['severity'],
): Diagnostic[] {
  const targets = new Set<string>(site.routes.map((r) => `/${r.outputPath}`));
  for (const path of staticOutputPaths) targets.add(`/${path}`);
  const diagnostics: Diagnostic[] = [];
  site.articles.forEach((article, id) => {
    for (const link of bodyLinks.get(article.source.contentPath) ?? []) {
      const target = internalPath(link.href, site.articleUrls[id]!);
      if (target === null || leadsSomewhere(target, targets)) continue;
      diagnostics.push({
        severity,
        file: article.source.displayPath,
        line: article.bodyLine + link.bodyLine,
        message: `the link to ${link.href} leads to no page of the site`,
        hint: 'Correct the address (articles are at /<chuyên-mục>/<slug>/, days at /yyyy/mm/dd/) or remove the link.',
      });
    }
  });
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

function leadsSomewhere(path: string, targets: ReadonlySet<string>): boolean {
  if (targets.has(path)) return true;
  const folder = path.endsWith('/') ? path : `${path}/`;
  return targets.has(`${folder}index.html`);
}
