import type { Route } from '../model/types.js';
import { sameInputs, type RouteIndex } from './route-inputs.js';

/** What an incremental rebuild must do: pages to render and output files to delete. */
export interface DirtySet {
  readonly render: Route[];
  readonly remove: string[];
}

/** What changed since the previous index was made. */
export interface Changes {
  /** Content paths of articles whose file changed, appeared or disappeared. */
  readonly articles: ReadonlySet<string>;
  /** Page templates (article.njk, …) that use a changed template. */
  readonly pageTemplates: ReadonlySet<string>;
}

/**
 * The pages to re-render after a change, never fewer than needed: a page is dirty when it is new,
 * when what it shows changed (its list, its neighbours, the navigation every page shows), when it
 * shows a changed article, or when its template changed. Pages that no longer exist are removed.
 */
export function dirtyRoutes(previous: RouteIndex | null, next: RouteIndex, changes: Changes, templateOf: (route: Route) => string): DirtySet {
  const everything = previous === null || previous.siteKey !== next.siteKey;
  const render: Route[] = [];
  for (const [outputPath, inputs] of next.routes) {
    const before = previous?.routes.get(outputPath);
    const dirty =
      everything ||
      before === undefined ||
      !sameInputs(before, inputs) ||
      changes.pageTemplates.has(templateOf(inputs.route)) ||
      inputs.articles.some((path) => changes.articles.has(path));
    if (dirty) render.push(inputs.route);
  }
  const remove = previous === null ? [] : [...previous.routes.keys()].filter((outputPath) => !next.routes.has(outputPath));
  return { render, remove };
}
