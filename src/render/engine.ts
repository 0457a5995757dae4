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

/**
 * Turns Nunjucks' "(file) [Line 3, Column 5]\n  message" into a located diagnostic: the innermost
 * file named, and the line only for syntax errors (Nunjucks' run-time line numbers are unreliable).
 */
function templateDiagnostic(cause: unknown, template: string, templateDirs: readonly string[], root: string): Diagnostic {
  const text = cause instanceof Error ? cause.message : String(cause);
  const places = [...text.matchAll(/\(([^()\n]+)\)(?: \[Line (\d+), Column (\d+)\])?/g)];
  const innermost = places[places.length - 1];
  const file = innermost?.[1] && path.isAbsolute(innermost[1]) ? path.relative(root, innermost[1]).split(path.sep).join('/') : templateFile(template, templateDirs, root);
  const lastLine = text.split('\n').pop()!.trim();
  const isSyntaxError = !/^(Error|Template render error):/.test(lastLine) && innermost?.[2] !== undefined;
  const message = lastLine.replace(/^(Error|Template render error):\s*/, '') || text;
  return error(`template error: ${message}`, {
    file,
    ...(isSyntaxError ? { line: Number(innermost[2]), column: Number(innermost[3]) } : {}),
    hint: 'Fix the template there; the built-in theme in templates/ shows working examples.',
  });
}

function templateFile(template: string, templateDirs: readonly string[], root: string): string {
  return path.relative(root, path.join(templateDirs[0] ?? '', template)).split(path.sep).join('/');
}
