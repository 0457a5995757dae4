import nunjucks from 'nunjucks';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';

/** Renders a named template with data; throws TemplateError. */
export type TemplateEngine = (template: string, data: Record<string, unknown>) => string;

/** A template that failed to compile or render, located in the template file. */
export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic, options?: ErrorOptions) {
    super(diagnostic.message, options);
    this.name = 'TemplateError';
  }
}

/**
 * A Nunjucks engine over template folders in lookup order (the site's first, so its files override
 * the theme's of the same name). Autoescape stays on: front-matter text is never trusted as HTML.
 */
export function createTemplateEngine(templateDirs: readonly string[], root: string): TemplateEngine {
  const loader = new nunjucks.FileSystemLoader([...templateDirs], { noCache: false });
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  return (template, data) => {
    try {
      return env.render(template, data);
    } catch (cause) {
      throw new TemplateError(templateDiagnostic(cause, template, templateDirs, root), { cause });
    }
  };
}

/** Turns Nunjucks' "(file) [Line 3, Column 5]\n  message" into a located diagnostic. */
function templateDiagnostic(cause: unknown, template: string, templateDirs: readonly string[], root: string): Diagnostic {
  const text = cause instanceof Error ? cause.message : String(cause);
  const located = /\(([^)]+)\)\s*(?:\[Line (\d+), Column (\d+)\])?/.exec(text);
  const file = located?.[1] && path.isAbsolute(located[1]) ? path.relative(root, located[1]).split(path.sep).join('/') : templateFile(template, templateDirs, root);
  const message = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('(') && !l.startsWith('Template render error')).join(' ') || text;
  return error(`template error: ${message}`, {
    file,
    ...(located?.[2] ? { line: Number(located[2]) + 1, column: Number(located[3]) + 1 } : {}),
    hint: 'Fix the template at that line; the built-in theme in templates/ shows working examples.',
  });
}

function templateFile(template: string, templateDirs: readonly string[], root: string): string {
  return path.relative(root, path.join(templateDirs[0] ?? '', template)).split(path.sep).join('/');
}
