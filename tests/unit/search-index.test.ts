import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_TEXT_LIMIT, SearchIndexBuilder, type SearchEntry } from '../../src/search/builder.js';
import { META_FILE_PATH, docFilePath, shardCount, shardFilePath, termShard } from '../../src/search/layout.js';
import { tokenize } from '../../src/search/fold.js';
import { SEARCH_SCRIPT_PATH, loadSearchClient, memoryFetch, queryIndex, type SearchHit, type Segment } from '../../src/search/query.js';
import type { GeneratedFile } from '../../src/write/generated.js';

const HOSTILE_TITLE = `</script><script>alert("x")</script> Tin "nóng" & 'lạ' <b>`;

/** The fixture archive, newest first: the position is the id. */
const ARTICLES: SearchEntry[] = [
  entry('/thoi-su/khen-thuong/', 'Trao bằng khen cho tập thể tiêu biểu', 'Sáng 20/9, tỉnh tổ chức lễ khen thưởng các tập thể và cá nhân.'),
  entry('/thoi-su/so-ket-thi-dua/', 'Khối thi đua các hội sơ kết 6 tháng', 'Các đơn vị đẩy mạnh phong trào thi đua yêu nước.'),
  entry('/giao-duc/tuyen-sinh/', 'Kỳ thi tuyển sinh lớp 10', 'Hơn 20.000 thí sinh dự thi vào lớp 10 năm nay.'),
  entry('/kinh-te/duong-lien-xa/', 'Khởi công dự án giao thông liên xã', 'Tuyến đường dài 12 km nối ba xã vùng cao.'),
  entry('/du-lich/da-nang/', 'Du lịch Đà Nẵng hút khách dịp lễ', 'Lượng khách đến thành phố biển tăng mạnh.'),
  entry('/xa-hoi/tin-la/', HOSTILE_TITLE, 'Nội dung có <script>alert(1)</script> và "dấu nháy".'),
  entry('/the-thao/giai-dua-thuyen/', 'Giải đua thuyền truyền thống', 'Phát động thi đua chào mừng giải đua thuyền.'),
];

function entry(href: string, title: string, text: string, summary = ''): SearchEntry {
  return { href, title, summary, date: '13.09.2024 | 18:13', category: 'Thời sự', text };
}

function buildIndex(articles: readonly SearchEntry[], basePath = ''): GeneratedFile[] {
  const builder = new SearchIndexBuilder({ basePath, articles: articles.length });
  const files = articles.flatMap((article, id) => builder.add(id, article));
  return [...files, ...builder.finish()];
}

function contents(files: readonly GeneratedFile[]): Map<string, string> {
  return new Map(files.map((file) => [file.outputPath, String(file.content())]));
}

async function query(files: Map<string, string>, text: string, page = 1): Promise<{ total: number; hits: SearchHit[] }> {
  return queryIndex(memoryFetch(files), text, page);
}

/** The positions in the archive (newest first) of a page of results. */
async function positions(files: Map<string, string>, text: string, page = 1): Promise<number[]> {
  const articles = JSON.parse(files.get(META_FILE_PATH)!).articles as number;
  return (await query(files, text, page)).hits.map((hit) => articles - 1 - hit.id);
}

const plain = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');
const marked = (segments: readonly Segment[]): string[] => segments.filter((s) => s.mark).map((s) => s.text);

describe('search index, queried as the browser does', () => {
  const files = contents(buildIndex(ARTICLES));

  it('finds words written without diacritics', async () => {
    expect(await positions(files, 'thi dua')).toEqual([1, 6]);
    expect(await positions(files, 'duong')).toEqual([3]);
    expect(await positions(files, 'Da Nang')).toEqual([4]);
    expect(await positions(files, 'khen thuong')).toEqual([0]);
  });

  it('finds words written with diacritics, in any case or normal form', async () => {
    expect(await positions(files, 'THI ĐUA')).toEqual([1, 6]);
    expect(await positions(files, 'Đà Nẵng'.normalize('NFD'))).toEqual([4]);
  });

  it('needs every term: "thi dua" skips an article with only "thi"', async () => {
    expect(await positions(files, 'thi')).toEqual([1, 2, 6]);
    expect((await query(files, 'thi dua tuyen')).total).toBe(0);
  });

  it('finds nothing for unknown words or an empty query', async () => {
    expect(await query(files, 'xyzzy')).toEqual({ total: 0, hits: [] });
    expect(await query(files, 'thi xyzzy')).toEqual({ total: 0, hits: [] });
    expect(await query(files, ' … ')).toEqual({ total: 0, hits: [] });
  });

  it('shows the original text with the matches marked', async () => {
    const [danang] = (await query(files, 'da nang')).hits;
    expect(danang!.title).toEqual([{ text: 'Du lịch ', mark: false }, { text: 'Đà Nẵng', mark: true }, { text: ' hút khách dịp lễ', mark: false }]);
    expect(danang!.url).toBe('/du-lich/da-nang/');
    expect(danang!.date).toBe('13.09.2024 | 18:13');
    expect(danang!.category).toBe('Thời sự');
    const [road] = (await query(files, 'duong')).hits;
    expect(plain(road!.excerpt)).toBe('Tuyến đường dài 12 km nối ba xã vùng cao.');
    expect(marked(road!.excerpt)).toEqual(['đường']);
    const [award] = (await query(files, 'khen thuong')).hits;
    expect(marked(award!.excerpt)).toEqual(['khen thưởng']);
  });

  it('keeps hostile titles as data: JSON-escaped in the file, unchanged in the result', async () => {
    const file = files.get(docFilePath(ARTICLES.length - 1 - 5))!;
    expect(file).toContain(String.raw`alert(\"x\")`);
    expect(JSON.parse(file).title).toBe(HOSTILE_TITLE);
    const [hit] = (await query(files, 'tin nong la')).hits;
    expect(plain(hit!.title)).toBe(HOSTILE_TITLE);
    expect(marked(hit!.title)).toEqual(['Tin', 'nóng', 'lạ']);
    expect(plain(hit!.excerpt)).toBe('Nội dung có <script>alert(1)</script> và "dấu nháy".');
  });

  it('the client puts data in the page as text only', () => {
    const script = readFileSync(SEARCH_SCRIPT_PATH, 'utf8');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(script).toContain('textContent');
  });
});

describe('search index files', () => {
  it('are meta.json, term files of "term postings" lines, and a fragment per article', () => {
    const files = contents(buildIndex(ARTICLES));
    const meta = JSON.parse(files.get(META_FILE_PATH)!);
    expect(meta).toEqual({ format: 1, version: expect.stringMatching(/^[0-9a-f]{12}$/), articles: 7, shards: 1, docsPerFolder: 1000 });
    const terms = files.get(shardFilePath(0))!.split('\n');
    expect(terms).toContain('dua bh');
    expect(terms).toContain('thi bx');
    expect(terms.slice(0, -1)).toEqual([...terms.slice(0, -1)].sort());
    expect(terms.at(-1)).toBe('');
    expect(docFilePath(1234)).toBe('tim-kiem/chi-muc/d/1/1234.json');
    expect([...files.keys()].sort()).toEqual([META_FILE_PATH, ...ARTICLES.map((_, id) => docFilePath(id)), 'tim-kiem/chi-muc/t/0.txt'].sort());
  });

  it('spread terms over a power of two of term files, about 8 KB of postings each', () => {
    expect([0, 8192, 8193, 100_000, 30 * 2 ** 20, 2 ** 40].map(shardCount)).toEqual([1, 1, 2, 16, 4096, 65536]);
    expect(shardFilePath(255)).toBe('tim-kiem/chi-muc/t/ff.txt');
    const counts = new Array(16).fill(0);
    for (let n = 0; n < 16_000; n++) counts[termShard(`t${n.toString(36)}`, 16)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('are found by the client in the same term file', () => {
    const client = loadSearchClient();
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{1,32}$/), fc.integer({ min: 0, max: 16 }), (term, bits) => {
      expect(client.termShard(term, 2 ** bits)).toBe(termShard(term, 2 ** bits));
    }), { numRuns: 300, seed: 11 });
  });

  it('are many when the archive is large, every one written even when empty', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => entry(`/a/${i}/`, `Bài số ${i}`, `Nội dung ${i} ${i * 7} ${i * 13} thi đua`));
    const files = contents(buildIndex(many));
    const meta = JSON.parse(files.get(META_FILE_PATH)!);
    expect(meta.shards).toBeGreaterThan(1);
    const termFiles = [...files.keys()].filter((p) => p.includes('/t/'));
    expect(termFiles).toHaveLength(meta.shards);
    expect(await positions(files, 'bai so 2999')).toEqual([2999]);
    expect((await query(files, 'thi dua')).total).toBe(3000);
  });

  it('are the same bytes for the same input, and meta.json changes when an article does', () => {
    const first = buildIndex(ARTICLES);
    const second = buildIndex(ARTICLES);
    expect(second.map((f) => f.outputPath)).toEqual(first.map((f) => f.outputPath));
    expect(second.map((f) => f.content())).toEqual(first.map((f) => f.content()));
    const edited = buildIndex(ARTICLES.map((a, id) => (id === 3 ? { ...a, text: `${a.text} Thêm một câu.` } : a)));
    expect(contents(edited).get(META_FILE_PATH)).not.toBe(contents(first).get(META_FILE_PATH));
  });

  it('keep their bytes when a newer article is published, except its fragment and its terms\' lines', () => {
    const before = contents(buildIndex(ARTICLES.slice(1)));
    const after = contents(buildIndex(ARTICLES));
    const fragments = [...before.keys()].filter((p) => p.includes('/d/'));
    expect(fragments).toHaveLength(6);
    for (const p of fragments) expect(after.get(p)).toBe(before.get(p));
    expect(after.has(docFilePath(6))).toBe(true);
    const lines = (files: Map<string, string>) => files.get(shardFilePath(0))!.split('\n');
    const changedTerms = lines(after).filter((line) => !lines(before).includes(line)).map((line) => line.split(' ')[0]);
    expect(changedTerms).toContain('khen');
    expect(new Set(changedTerms)).toEqual(new Set(tokenize(`${ARTICLES[0]!.title} ${ARTICLES[0]!.text}`)));
  });

  it('link articles under the base path', async () => {
    const files = contents(buildIndex(ARTICLES, '/bao'));
    expect((await query(files, 'da nang')).hits.map((h) => h.url)).toEqual(['/bao/du-lich/da-nang/']);
  });

  it('refuse ids out of order', () => {
    const builder = new SearchIndexBuilder({ basePath: '', articles: 2 });
    builder.add(0, ARTICLES[0]!);
    expect(() => builder.add(0, ARTICLES[1]!)).toThrow(RangeError);
  });
});

describe('results', () => {
  it('come newest first, ten a page', async () => {
    const many = Array.from({ length: 25 }, (_, i) => entry(`/thoi-su/bai-${i}/`, `Bài ${i}`, i % 2 === 0 ? 'Phong trào thi đua.' : 'Không liên quan.'));
    const files = contents(buildIndex(many));
    const first = await query(files, 'thi dua');
    expect(first.total).toBe(13);
    expect(first.hits.map((h) => h.url)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18].map((i) => `/thoi-su/bai-${i}/`));
    expect(await positions(files, 'thi dua', 2)).toEqual([20, 22, 24]);
  });

  it('centre the excerpt on the query as a phrase, cut at spaces', async () => {
    const filler = 'Nội dung tường thuật chi tiết buổi lễ. '.repeat(12);
    const text = `Kỳ thi năm nay. ${filler}Cuộc đua về đích. ${filler}Phát động phong trào thi đua yêu nước. ${filler}`;
    const files = contents(buildIndex([entry('/a/', 'Tin', text)]));
    const [hit] = (await query(files, 'thi dua')).hits;
    const excerpt = plain(hit!.excerpt);
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
    expect(excerpt).toContain('Phát động phong trào thi đua yêu nước.');
    expect(marked(hit!.excerpt)[0]).toBe('thi đua');
    expect(excerpt.length).toBeLessThan(300);
  });

  it('are found by words past the stored excerpt text, which is cut near the limit', async () => {
    const long = `${'Câu chuyện về nông thôn mới. '.repeat(600)}Cuối bài nhắc đến Đà Nẵng.`;
    const files = contents(buildIndex([entry('/a/', 'Tin dài', long, 'Sapo của bài.')]));
    const stored = JSON.parse(files.get(docFilePath(0))!).text as string;
    expect(stored.startsWith('Sapo của bài. Câu chuyện')).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(FRAGMENT_TEXT_LIMIT + 2);
    const [hit] = (await query(files, 'da nang')).hits;
    expect(plain(hit!.excerpt).startsWith('Sapo của bài.')).toBe(true);
    expect(marked(hit!.excerpt)).toEqual([]);
  });
});
