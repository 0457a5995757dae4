import { describe, expect, it } from 'vitest';
import { formatDiagnostic, sortDiagnostics } from '../../src/diagnostics.js';
import { buildSite, fixturePath } from '../helpers/site.js';

describe('a site with broken articles', async () => {
  const site = await buildSite(fixturePath('broken'));
  const lines = sortDiagnostics(site.result.diagnostics).map((d) => formatDiagnostic(d, (_, s) => s).split('\n')[0]);

  it('fails, writes nothing and reports every problem at once, located', () => {
    expect(site.result.ok).toBe(false);
    expect(site.writer.paths()).toEqual([]);
    expect(lines).toEqual([
      "warning: baseUrl: no RSS feeds or sitemaps: they need the site's absolute address",
      'content/thoi-su/hai-cach-viet.md:3: error: tiêu_đề: written twice, as "title" and "tiêu_đề", with different values',
      'content/thoi-su/js.md:1: error: front-matter in "js" is not allowed',
      'content/thoi-su/ngay-sai.md:4: error: date: "31/02/2024 10:00": 2/2024 has no day 31',
      'content/thoi-su/permalink.md:6: error: permalink: "/../../etc/" is not a path inside the site',
      'content/thoi-su/slug-ban.md:6: error: slug: "Bai Viet/../x" is not a clean slug',
      'content/thoi-su/thieu-truong.md:1: error: category: is missing',
      'content/thoi-su/trung-1.md: error: URL /thoi-su/hai-bai-cung-dia-chi/ is used by both content/thoi-su/trung-2.md and content/thoi-su/trung-1.md',
      'content/thoi-su/yaml-hong.md:3: error: front-matter is not valid YAML: the quote opened on this line is not closed (unexpected end of the stream within a double quoted scalar)',
    ]);
  });

  it('gives a hint with each error', () => {
    expect(site.result.diagnostics.every((d) => (d.hint ?? '').length > 10)).toBe(true);
    const date = site.result.diagnostics.find((d) => d.field === 'date')!;
    expect(date.hint).toContain('13.09.2024 | 18:13 PM');
    expect(date.hint).toContain('Asia/Ho_Chi_Minh');
  });

  it('never evaluates JavaScript front-matter', () => {
    expect((globalThis as Record<string, unknown>).bantinPwned).toBeUndefined();
  });
});
