import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { createMarkdownRenderer } from '../markdown/index.js';
import type { SiteModel } from '../model/types.js';
import type { Writer } from '../write/writer.js';
import { TemplateError, createTemplateEngine } from './engine.js';
import { pageView } from './page-views.js';
import { ViewContext } from './site-view.js';

/** What rendering produced: how many pages were written and what went wrong. */
export interface RenderResult {
  readonly pagesWritten: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Renders every route of the site model through its template and hands the HTML to the writer.
 * A template that fails is reported once and skipped for the remaining pages that use it.
 */
export async function renderSite(site: SiteModel, config: ResolvedConfig, writer: Writer): Promise<RenderResult> {
  const ctx = new ViewContext(site, config);
  const markdown = createMarkdownRenderer({ basePath: config.basePath });
  const render = createTemplateEngine(config.templateDirs, config.root);
  const failedTemplates = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  let pagesWritten = 0;
  for (const route of site.routes) {
    const view = pageView(ctx, route, markdown);
    if (failedTemplates.has(view.template)) continue;
    try {
      const html = render(view.template, { site: ctx.site, ...view.data });
      await writer.write(route.outputPath, html);
      pagesWritten++;
    } catch (cause) {
      if (!(cause instanceof TemplateError)) throw cause;
      failedTemplates.add(view.template);
      diagnostics.push(cause.diagnostic);
    }
  }
  return { pagesWritten, diagnostics };
}
