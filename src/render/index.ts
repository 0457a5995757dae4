import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { createMarkdownRenderer, type BodyLink } from '../markdown/index.js';
import type { ArticleId, Route, SiteModel } from '../model/types.js';
import type { Writer } from '../write/writer.js';
import { TemplateError, createTemplateEngine } from './engine.js';
import { pageView, type ImagesOf } from './page-views.js';
import { ViewContext } from './site-view.js';

export { TEMPLATE_BY_KIND } from './page-views.js';

/** What rendering produced: pages written, links found in bodies, and what went wrong. */
export interface RenderResult {
  readonly pagesWritten: number;
  readonly diagnostics: Diagnostic[];
  /** Routes not written because their template failed. */
  readonly failedRoutes: Route[];
  /** Links written in the bodies of the articles rendered. */
  readonly bodyLinks: Map<ArticleId, BodyLink[]>;
}

/** Renders routes of a site model; holds compiled templates between calls. */
export interface SiteRenderer {
  /** `onArticleText` receives each rendered article's plain body text (for the search index), in route order. */
  render(site: SiteModel, routes: Iterable<Route>, writer: Writer, hooks?: RenderHooks): Promise<RenderResult>;
}

/** What a render may be given besides the routes. */
export interface RenderHooks {
  /** Receives each rendered article's plain body text (for the search index), in route order. */
  readonly onArticleText?: (articleId: ArticleId, text: string) => Promise<void>;
  /** Each article's processed images, when the build made them. */
  readonly imagesOf?: ImagesOf;
  /** Called after each page with how many routes were done so far. */
  readonly onPage?: (done: number) => void;
}

/**
 * A renderer for one config: templates compile once and are reused for every call. With
 * `sameModel`, the caller never changes a site model it passed, so what was worked out for one
 * (article cards, day and month positions) is kept for the next call with the same model.
 */
export function createSiteRenderer(config: ResolvedConfig, options: { sameModel?: boolean } = {}): SiteRenderer {
  const markdown = createMarkdownRenderer({ basePath: config.basePath, trustedHtml: config.trustedHtml });
  const engine = createTemplateEngine(config.templateDirs, config.root);
  let kept: ViewContext | null = null;
  return {
    async render(site, routes, writer, { onArticleText, imagesOf, onPage } = {}) {
      const ctx = options.sameModel && kept?.model === site ? kept : new ViewContext(site, config);
      if (options.sameModel) kept = ctx;
      const failedTemplates = new Set<string>();
      const diagnostics: Diagnostic[] = [];
      const failedRoutes: Route[] = [];
      const bodyLinks = new Map<ArticleId, BodyLink[]>();
      let pagesWritten = 0;
      let done = 0;
      for (const route of routes) {
        onPage?.(done++);
        const links: BodyLink[] = [];
        const text: string[] | undefined = onArticleText && route.kind === 'article' ? [] : undefined;
        const view = pageView(ctx, route, (body, options) => markdown(body, { ...options, links, text }), imagesOf);
        if (route.kind === 'article') bodyLinks.set(route.articleId, links);
        if (text && route.kind === 'article') await onArticleText!(route.articleId, text.join('\n'));
        if (failedTemplates.has(view.template)) {
          failedRoutes.push(route);
          continue;
        }
        try {
          await writer.write(route.outputPath, engine(view.template, { site: ctx.site, ...view.data }));
          pagesWritten++;
        } catch (cause) {
          if (!(cause instanceof TemplateError)) throw cause;
          failedTemplates.add(view.template);
          failedRoutes.push(route);
          diagnostics.push(cause.diagnostic);
        }
      }
      onPage?.(done);
      return { pagesWritten, diagnostics, failedRoutes, bodyLinks };
    },
  };
}

/** Renders every route of the site model. A failing template is reported once and its pages skipped. */
export function renderSite(site: SiteModel, config: ResolvedConfig, writer: Writer, hooks: RenderHooks = {}): Promise<RenderResult> {
  return createSiteRenderer(config).render(site, site.routes, writer, hooks);
}
