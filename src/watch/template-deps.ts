import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REFERENCE = /\{%-?\s*(?:extends|include|import|from)\s+(["'])([^"']+)\1/g;
const DYNAMIC = /\{%-?\s*(?:extends|include|import|from)\s+(?!["'])/;

/** Marks a template that includes a name computed at run time: it may use any template. */
export const ANY_TEMPLATE = '*';

/**
 * For each page template, every template name it uses, itself included, following extends,
 * include, import and from through the folders in lookup order (the site's own first).
 */
export function templateDependencies(pageTemplates: Iterable<string>, templateDirs: readonly string[]): Map<string, Set<string>> {
  const direct = new Map<string, string[]>();
  const referencesOf = (name: string): string[] => {
    let references = direct.get(name);
    if (!references) direct.set(name, (references = readReferences(name, templateDirs)));
    return references;
  };
  const result = new Map<string, Set<string>>();
  for (const page of pageTemplates) {
    const seen = new Set<string>();
    const queue = [page];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...referencesOf(name));
    }
    result.set(page, seen);
  }
  return result;
}

/** Page templates that use any of the changed template names. */
export function pageTemplatesUsing(changed: ReadonlySet<string>, dependencies: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const affected = new Set<string>();
  for (const [page, uses] of dependencies) {
    if (uses.has(ANY_TEMPLATE) || [...changed].some((name) => uses.has(name))) affected.add(page);
  }
  return affected;
}

function readReferences(name: string, templateDirs: readonly string[]): string[] {
  const file = templateDirs.map((dir) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  if (!file) return [];
  const source = readFileSync(file, 'utf8');
  const references = [...source.matchAll(REFERENCE)].map((m) => m[2]!);
  return DYNAMIC.test(source) ? [...references, ANY_TEMPLATE] : references;
}
