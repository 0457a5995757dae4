import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseArticle } from '../../src/source/article.js';
import type { Article, SourceFile } from '../../src/source/types.js';
import { ACCEPTED_TIMESTAMP_FORMATS } from '../../src/vi/timestamp.js';

const HCM = 'Asia/Ho_Chi_Minh';
const SOURCE: SourceFile = {
  absolutePath: '/site/content/thoi-su/so-ket.md',
  contentPath: 'thoi-su/so-ket.md',
  displayPath: 'content/thoi-su/so-ket.md',
};
const FILE = SOURCE.displayPath;

const TITLE = 'Khối thi đua các hội có tính chất đặc thù cấp tỉnh: Sơ kết phong trào thi đua';
const VALID = [
  '---',
  `tiêu_đề: "${TITLE}"`,
  'tác_giả: [Thu Hoài, Minh Anh]',
  'thời_gian: 18.07.2024 | 16:45 PM',
  'chuyên_mục: Thời sự',
  'sapo: Sáng 18/7, khối thi đua các hội sơ kết 6 tháng đầu năm.',
  'từ_khóa: ["thi đua", "khen thưởng"]',
  'ảnh: /anh/so-ket.jpg',
  'nháp: false',
  'nguồn: Báo tỉnh',
  '---',
  '6 tháng đầu năm, các đơn vị trong khối đã quán triệt, triển khai đầy đủ.',
  '',
  'Xem [bài khác](/the-thao/doi-tuyen/).',
  '',
].join('\n');

const EXPECTED: Article = {
  source: SOURCE,
  title: TITLE,
  authors: ['Thu Hoài', 'Minh Anh'],
  category: 'Thời sự',
  categorySlug: 'thoi-su',
  slug: 'khoi-thi-dua-cac-hoi-co-tinh-chat-dac-thu-cap-tinh-so-ket-phong-trao-thi-dua',
  permalink: null,
  summary: 'Sáng 18/7, khối thi đua các hội sơ kết 6 tháng đầu năm.',
  tags: ['thi đua', 'khen thưởng'],
  image: '/anh/so-ket.jpg',
  draft: false,
  aliases: [],
  publishedAt: {
    epochMs: Date.UTC(2024, 6, 18, 9, 45),
    local: { year: 2024, month: 7, day: 18, hour: 16, minute: 45, second: 0 },
    offsetMinutes: 420,
  },
  body: '6 tháng đầu năm, các đơn vị trong khối đã quán triệt, triển khai đầy đủ.\n\nXem [bài khác](/the-thao/doi-tuyen/).\n',
  bodyLine: 12,
  extra: { 'nguồn': 'Báo tỉnh' },
};

function article(text: string, timeZone = HCM): Article {
  const parsed = parseArticle(text, SOURCE, timeZone);
  expect(parsed.diagnostics).toEqual([]);
  if (!parsed.article) throw new Error('expected an article');
  return parsed.article;
}

function problems(text: string): readonly Diagnostic[] {
  const parsed = parseArticle(text, SOURCE, HCM);
  expect(parsed.article).toBeNull();
  expect(parsed.diagnostics.length).toBeGreaterThan(0);
  return parsed.diagnostics;
}

/** A minimal valid front-matter with some lines replaced or added. */
function withFields(fields: Record<string, string | null>, body = 'Nội dung.\n'): string {
  const base: Record<string, string | null> = {
    title: 'Sơ kết phong trào thi đua',
    author: 'Thu Hoài',
    date: '2024-09-13 18:13',
    category: 'Thời sự',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return ['---', ...lines, '---', body].join('\n');
}

describe('parseArticle: a valid article', () => {
  it('gives every field from Vietnamese keys', () => {
    expect(article(VALID)).toEqual(EXPECTED);
  });

  it('gives NFC text from NFD input', () => {
    const nfd = VALID.normalize('NFD');
    expect(nfd).not.toBe(VALID);
    const a = article(nfd);
    expect(a).toEqual(EXPECTED);
    expect(a.title).toBe(TITLE.normalize('NFC'));
    expect(a.title.normalize('NFC')).toBe(a.title);
  });

  it('handles CRLF line endings and a BOM', () => {
    expect(article('\uFEFF' + VALID.replace(/\n/g, '\r\n'))).toEqual(EXPECTED);
  });

  it('reads English keys the same way', () => {
    const a = article(
      withFields({ author: 'Thu Hoài', summary: 'Tóm tắt.', tags: 'thi đua', image: 'anh.jpg', draft: 'true', slug: 'so-ket-6-thang' }),
    );
    expect(a).toMatchObject({
      title: 'Sơ kết phong trào thi đua',
      authors: ['Thu Hoài'],
      category: 'Thời sự',
      categorySlug: 'thoi-su',
      slug: 'so-ket-6-thang',
      summary: 'Tóm tắt.',
      tags: ['thi đua'],
      image: 'anh.jpg',
      draft: true,
      body: 'Nội dung.\n',
      bodyLine: 12,
      extra: {},
    });
  });

  it('defaults optional fields', () => {
    const a = article(withFields({}));
    expect(a).toMatchObject({ summary: '', tags: [], image: null, draft: false, aliases: [], permalink: null, extra: {} });
    expect(a.slug).toBe('so-ket-phong-trao-thi-dua');
  });

  it('keeps unquoted YAML timestamps in the site zone (no UTC shift)', () => {
    const late = article(withFields({ date: '2024-09-13 23:30:00' }));
    expect(late.publishedAt).toEqual({
      epochMs: Date.UTC(2024, 8, 13, 16, 30),
      local: { year: 2024, month: 9, day: 13, hour: 23, minute: 30, second: 0 },
      offsetMinutes: 420,
    });
    const midnight = article(withFields({ date: '2024-09-13' }));
    expect(midnight.publishedAt.local).toEqual({ year: 2024, month: 9, day: 13, hour: 0, minute: 0, second: 0 });
    expect(midnight.publishedAt.epochMs).toBe(Date.UTC(2024, 8, 12, 17, 0));
    const early = article(withFields({ 'ngày_đăng': '2024-09-13 00:30:00', date: null }));
    expect(early.publishedAt.local.day).toBe(13);
    const utc = article(withFields({ date: '2024-07-18T20:30:00Z' }));
    expect(utc.publishedAt.local).toEqual({ year: 2024, month: 7, day: 19, hour: 3, minute: 30, second: 0 });
  });

  it('uses an explicit clean slug as written', () => {
    expect(article(withFields({ slug: 'so-ket-6-thang-2024' })).slug).toBe('so-ket-6-thang-2024');
    expect(article(withFields({ title: '"!!!"', slug: 'chuc-mung' })).slug).toBe('chuc-mung');
  });

  it('keeps a permalink inside the site', () => {
    expect(article(withFields({ permalink: '/tin-tuc/12345/' })).permalink).toBe('/tin-tuc/12345/');
    expect(article(withFields({ permalink: '/tin-tuc/12345.html' })).permalink).toBe('/tin-tuc/12345.html');
  });

  it('accepts two spellings of a field with the same value', () => {
    const a = article(withFields({ 'tiêu_đề': 'Sơ kết phong trào thi đua' }));
    expect(a.title).toBe('Sơ kết phong trào thi đua');
  });

  it('reads aliases inside the site', () => {
    expect(article(withFields({ aliases: '["/tin-cu/1/", "/tin-cu/2.html"]' })).aliases).toEqual(['/tin-cu/1/', '/tin-cu/2.html']);
  });
});

describe('parseArticle: problems', () => {
  it('rejects ---js front-matter without evaluating it', () => {
    const g = globalThis as { pwned?: unknown };
    delete g.pwned;
    const text = '---js\nglobalThis.pwned = true;\nmodule.exports = { title: "x", author: "y", date: "2024-09-13", category: "z" };\n---\nBody\n';
    const diagnostics = problems(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 1, message: 'front-matter in "js" is not allowed' });
    expect(g.pwned).toBeUndefined();
  });

  it('rejects an unclosed front-matter', () => {
    const [d] = problems('---\ntitle: x\nauthor: y\ndate: 2024-09-13\ncategory: z\n\nBody\n');
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 1, message: 'the front-matter is not closed' });
  });

  it('reports malformed YAML on its line', () => {
    const diagnostics = problems('---\ntitle: "Sơ kết"\nauthor: "Thu Hoài\ndate: 2024-09-13\ncategory: Thời sự\n---\nBody\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 3 });
    expect(diagnostics[0]!.message).toContain('not valid YAML');
    expect(diagnostics[0]!.hint).toContain('quote');
  });

  it('names a missing required field with a hint', () => {
    for (const field of ['title', 'author', 'date', 'category']) {
      const diagnostics = problems(withFields({ [field]: null }));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 1, field, message: 'is missing' });
      expect(diagnostics[0]!.hint).toContain(`"${field}: …"`);
    }
    const [d] = problems(withFields({ author: null }));
    expect(d!.hint).toContain('tác_giả');
  });

  it('reports every problem of a file at once', () => {
    const diagnostics = problems(withFields({ author: null, slug: 'Bad Slug' }));
    expect(diagnostics.map((d) => d.field).sort()).toEqual(['author', 'slug']);
  });

  it('rejects a list as title', () => {
    const diagnostics = problems(withFields({ title: '[Một, Hai]' }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 2, field: 'title', message: 'must be text, not a list' });
    expect(diagnostics[0]!.hint).toContain('text');
  });

  it('rejects an empty title', () => {
    const [d] = problems(withFields({ title: '""' }));
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 2, field: 'title', message: 'is empty' });
  });

  it('quotes an unreadable timestamp and lists the accepted formats', () => {
    const diagnostics = problems(withFields({ date: 'hôm qua' }));
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 4, field: 'date' });
    expect(d.message).toContain('"hôm qua"');
    for (const format of ACCEPTED_TIMESTAMP_FORMATS) expect(d.hint).toContain(format);
    expect(d.hint).toContain(HCM);
  });

  it('rejects an impossible date under a Vietnamese key', () => {
    const [d] = problems(withFields({ date: null, 'thời_gian': '31/02/2024' }));
    expect(d).toMatchObject({ severity: 'error', file: FILE, field: 'thời_gian', line: 5 });
    expect(d!.message).toContain('"31/02/2024"');
  });

  it('rejects an unclean slug instead of changing it, with a hint', () => {
    const diagnostics = problems(withFields({ slug: 'Bad Slug' }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 6, field: 'slug' });
    expect(diagnostics[0]!.message).toContain('"Bad Slug"');
    expect(diagnostics[0]!.hint).toContain('bad-slug');
  });

  it('rejects a title without letters or digits when there is no slug', () => {
    const diagnostics = problems(withFields({ title: '"!!!"' }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 2, field: 'title' });
    expect(diagnostics[0]!.hint).toContain('slug');
  });

  it('rejects a category that gives an empty slug', () => {
    const [d] = problems(withFields({ category: '"???"' }));
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 5, field: 'category' });
  });

  it.each(['../x', '/a/../b', 'tin-tuc/1/', '/', '/a/./b', '//evil.example/x', '/a b/', 'https://example.com/x'])(
    'rejects the permalink %j',
    (permalink) => {
      const diagnostics = problems(withFields({ permalink: JSON.stringify(permalink) }));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 6, field: 'permalink' });
      expect(diagnostics[0]!.message).toContain(`"${permalink}"`);
      expect(diagnostics[0]!.hint).toContain('/tin-tuc/12345/');
    },
  );

  it('rejects an alias outside the site', () => {
    const [d] = problems(withFields({ aliases: '["/ok/", "../x"]' }));
    expect(d).toMatchObject({ severity: 'error', file: FILE, field: 'aliases', line: 6 });
  });

  it('rejects two spellings of a field with different values, naming both', () => {
    const diagnostics = problems(withFields({ 'tiêu_đề': 'Tổng kết năm' }));
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 6, field: 'tiêu_đề' });
    expect(d.message).toContain('"title"');
    expect(d.message).toContain('"tiêu_đề"');
    expect(d.hint).toBeTypeOf('string');
  });

  it('rejects a draft flag that is not true or false', () => {
    const [d] = problems(withFields({ draft: '"có"' }));
    expect(d).toMatchObject({ severity: 'error', file: FILE, field: 'draft', line: 6 });
  });

  it('gives diagnostics with severity, file, line, field, message and hint', () => {
    const [d] = problems(withFields({ slug: 'Bad Slug' }));
    expect(Object.keys(d!).sort()).toEqual(['field', 'file', 'hint', 'line', 'message', 'severity']);
  });
});
