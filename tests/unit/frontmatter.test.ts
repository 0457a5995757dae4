import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { normaliseText, readFrontMatter, type RawFrontMatter } from '../../src/source/frontmatter.js';

const FILE = 'content/thoi-su/so-ket.md';

function read(text: string): RawFrontMatter {
  const result = readFrontMatter(normaliseText(text), FILE);
  if ('severity' in result) throw new Error(`expected front-matter, got: ${result.message}`);
  return result;
}

function problem(text: string): Diagnostic {
  const result = readFrontMatter(normaliseText(text), FILE);
  if (!('severity' in result)) throw new Error(`expected a diagnostic, got ${JSON.stringify(result.data)}`);
  return result;
}

describe('normaliseText', () => {
  it('removes a BOM, turns CRLF and CR into LF and composes to NFC', () => {
    expect(normaliseText('\uFEFF---\r\ntitle: a\r\n---\r\nBody\rmore')).toBe('---\ntitle: a\n---\nBody\nmore');
    expect(normaliseText('Thời sự'.normalize('NFD'))).toBe('Thời sự');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
});

describe('readFrontMatter', () => {
  it('splits front-matter and body, with key lines and the body line', () => {
    const raw = read('---\ntiêu_đề: Sơ kết\ntác_giả: Thu Hoài\nthời_gian: 2024-09-13 18:13\n---\nĐoạn một.\n\nĐoạn hai.\n');
    expect(raw.data).toEqual({ 'tiêu_đề': 'Sơ kết', 'tác_giả': 'Thu Hoài', 'thời_gian': '2024-09-13 18:13' });
    expect([...raw.keyLines]).toEqual([['tiêu_đề', 2], ['tác_giả', 3], ['thời_gian', 4]]);
    expect(raw.body).toBe('Đoạn một.\n\nĐoạn hai.\n');
    expect(raw.bodyLine).toBe(6);
  });

  it('keeps timestamps as strings and reads booleans, numbers and lists', () => {
    const raw = read('---\ndate: 2024-09-13 23:30:00\nday: 2024-09-13\niso: 2024-09-13T23:30:00+07:00\ndraft: true\nviews: 12\ntags: [a, "b c"]\n---\n');
    expect(raw.data).toEqual({
      date: '2024-09-13 23:30:00',
      day: '2024-09-13',
      iso: '2024-09-13T23:30:00+07:00',
      draft: true,
      views: 12,
      tags: ['a', 'b c'],
    });
  });

  it('handles CRLF and BOM files after normalisation', () => {
    const raw = read('\uFEFF---\r\ntitle: Thời sự\r\ndate: 2024-09-13\r\n---\r\nBody\r\n');
    expect(raw.data).toEqual({ title: 'Thời sự', date: '2024-09-13' });
    expect(raw.body).toBe('Body\n');
    expect(raw.bodyLine).toBe(5);
  });

  it('finds key lines past comments, quoted keys and nested values', () => {
    const raw = read('---\n# ghi chú\ntitle: x\n"quoted key": 1\nnested:\n  inner: 2\n---\n\nB');
    expect(raw.data).toEqual({ title: 'x', 'quoted key': 1, nested: { inner: 2 } });
    expect([...raw.keyLines]).toEqual([['title', 3], ['quoted key', 4], ['nested', 5]]);
    expect(raw.body).toBe('\nB');
    expect(raw.bodyLine).toBe(8);
  });

  it('starts the body after a closing fence written with trailing spaces', () => {
    const raw = read('---\ntitle: x\n---  \nBody');
    expect(raw.body).toBe('Body');
    expect(raw.bodyLine).toBe(4);
  });

  it('reads an empty front-matter as no fields', () => {
    const raw = read('---\n---\nBody');
    expect(raw.data).toEqual({});
    expect(raw.body).toBe('Body');
    expect(raw.bodyLine).toBe(3);
  });

  it('accepts an explicit yaml language', () => {
    expect(read('---yaml\ntitle: x\n---\nB').data).toEqual({ title: 'x' });
  });

  it('rejects a file without front-matter', () => {
    const d = problem('Just text\n');
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 1, message: 'the file has no front-matter' });
    expect(d.hint).toContain('---');
  });

  it('rejects executable front-matter without running it', () => {
    const g = globalThis as { pwned?: unknown };
    delete g.pwned;
    for (const language of ['js', 'javascript', ' js', 'coffee', 'json', 'toml']) {
      const text = `---${language}\nglobalThis.pwned = true;\nmodule.exports = { title: (globalThis.pwned = 'yes') }\n---\nBody\n`;
      const d = problem(text);
      expect(d).toMatchObject({ severity: 'error', file: FILE, line: 1, message: `front-matter in "${language.trim()}" is not allowed` });
      expect(d.hint).toContain('YAML');
    }
    expect(g.pwned).toBeUndefined();
  });

  it('refuses YAML tags that would build code', () => {
    const d = problem('---\ntitle: !!js/function "function () { globalThis.pwned = true }"\n---\n');
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 2 });
    expect(d.message).toContain('front-matter is not valid YAML');
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('rejects an unclosed front-matter', () => {
    const d = problem('---\ntitle: x\nauthor: y\n\nBody without a closing line\n');
    expect(d).toMatchObject({ severity: 'error', file: FILE, line: 1, message: 'the front-matter is not closed' });
    expect(d.hint).toContain('---');
  });

  it('reports malformed YAML on the line of the mistake', () => {
    const unclosedDouble = problem('---\ntitle: "ok"\nauthor: "Thu Hoài\ndate: 2024-09-13\ncategory: x\n---\nbody');
    expect(unclosedDouble).toMatchObject({ severity: 'error', file: FILE, line: 3 });
    expect(unclosedDouble.message).toContain('front-matter is not valid YAML');
    expect(unclosedDouble.hint).toBeTypeOf('string');

    const unclosedSingle = problem("---\ntitle: ok\nauthor: 'Thu Hoài\ndate: 2024-09-13\n---\nbody");
    expect(unclosedSingle).toMatchObject({ severity: 'error', file: FILE, line: 3 });

    const badIndent = problem('---\ntitle: ok\nauthor: a\n  date: b\ncategory: c\n---\n');
    expect(badIndent).toMatchObject({ severity: 'error', file: FILE, line: 4 });

    const duplicateKey = problem('---\ntitle: a\nauthor: b\ntitle: c\n---\n');
    expect(duplicateKey).toMatchObject({ severity: 'error', file: FILE, line: 4 });
  });

  it('points at the line where a quote was opened when a later line trips YAML or swallows fields', () => {
    const tripped = problem('---\ntitle: x\nauthor: "Thu Hoài\ndate: 2024-01-01\ncategory: Thời sự\nsummary: x\nbody line: y z\n---\n');
    expect(tripped).toMatchObject({ line: 3, message: expect.stringContaining('the quote opened on this line is not closed') });
    const swallowed = problem('---\ntitle: x\nauthor: "Thu Hoài\ndate: 2024-01-01\ncategory: Thời sự\nsummary: "Tóm tắt về chuyển đổi số: 100% trực tuyến."\n---\n');
    expect(swallowed).toMatchObject({ line: 3, field: 'author', message: 'the quote opened on this line is not closed on it, so the lines after it became part of "author"' });
  });

  it('rejects front-matter that is not a mapping', () => {
    expect(problem('---\n- a\n- b\n---\n')).toMatchObject({ severity: 'error', file: FILE, line: 2 });
    expect(problem('---\njust words\n---\n')).toMatchObject({ severity: 'error', file: FILE, line: 2 });
  });
});
