import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { buildSite, fixturePath } from '../helpers/site.js';

describe('broken site templates', async () => {
  const site = await buildSite(fixturePath('portal'), { templates: fixturePath('bad-templates') });

  it('fail the build once per template, naming the file (and the line of a syntax error)', () => {
    expect(site.result.ok).toBe(false);
    expect(site.writer.paths()).toEqual([]);
    const errors = site.result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, (_, s) => s).split('\n')[0]);
    expect(errors).toEqual([
      '../bad-templates/article.njk:3: error: template error: expected variable end',
      '../bad-templates/category.njk: error: template error: filter not found: khong_co',
    ]);
  });
});
