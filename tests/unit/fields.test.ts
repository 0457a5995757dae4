import { describe, expect, it } from 'vitest';
import { fieldOfKey, foldKey, groupFields, REQUIRED_FIELDS, spellingsOf, type FieldName } from '../../src/source/fields.js';

describe('foldKey', () => {
  it.each([
    ['Tiêu đề', 'tieu_de'],
    ['tiêu_đề', 'tieu_de'],
    ['tieu-de', 'tieu_de'],
    ['TIÊU ĐỀ', 'tieu_de'],
    ['Tiêu  đề', 'tieu_de'],
    ['Tiêu đề'.normalize('NFD'), 'tieu_de'],
    ['title', 'title'],
    ['Ngày đăng', 'ngay_dang'],
    ['thời-gian', 'thoi_gian'],
    ['Từ khóa', 'tu_khoa'],
    ['từ_khoá', 'tu_khoa'],
  ])('%j → %j', (key, folded) => {
    expect(foldKey(key)).toBe(folded);
  });
});

describe('fieldOfKey', () => {
  const ALIASES: Record<FieldName, string[]> = {
    title: ['title', 'tiêu_đề', 'tieu_de', 'Tiêu đề', 'Title', 'tiêu-đề'],
    author: ['author', 'tác_giả', 'tac_gia', 'Tác giả', 'AUTHOR'],
    date: ['date', 'timestamp', 'thời_gian', 'thoi_gian', 'ngày_đăng', 'ngay_dang', 'Ngày đăng', 'Thời gian'],
    category: ['category', 'chuyên_mục', 'chuyen_muc', 'Chuyên mục'],
    summary: ['summary', 'sapo', 'tóm_tắt', 'tom_tat', 'Sapo', 'Tóm tắt'],
    tags: ['tags', 'từ_khóa', 'tu_khoa', 'Từ khóa', 'từ_khoá'],
    image: ['image', 'ảnh', 'anh', 'Ảnh'],
    draft: ['draft', 'nháp', 'nhap', 'Nháp'],
    slug: ['slug', 'Slug'],
    aliases: ['aliases'],
    permalink: ['permalink'],
  };

  for (const [field, keys] of Object.entries(ALIASES)) {
    it(`maps every spelling of ${field}`, () => {
      for (const key of keys) {
        expect(fieldOfKey(key)).toBe(field);
        expect(fieldOfKey(key.normalize('NFD'))).toBe(field);
      }
    });
  }

  it('knows nothing else', () => {
    for (const key of ['nguồn', 'source', 'titles', 'tieu', 'tác', 'ngày', 'dates', 'categories', 'tag', 'alias', '', 'url']) {
      expect(fieldOfKey(key)).toBeUndefined();
    }
  });

  it('lists spellings and required fields', () => {
    expect(REQUIRED_FIELDS).toEqual(['title', 'author', 'date', 'category']);
    const fields: FieldName[] = ['title', 'author', 'date', 'category', 'slug', 'permalink', 'summary', 'tags', 'image', 'draft', 'aliases'];
    for (const field of fields) {
      expect(spellingsOf(field)[0]).toBe(field);
      for (const spelling of spellingsOf(field)) expect(fieldOfKey(spelling)).toBe(field);
    }
  });
});

describe('groupFields', () => {
  it('sorts known keys by field and keeps unknown keys untouched in extra', () => {
    const nested = { nguoi: 'Ban biên tập', list: [1, 2] };
    const grouped = groupFields({ 'tiêu_đề': 'Sơ kết', 'tác_giả': ['Thu Hoài'], 'nguồn': nested, 'lượt xem': 12, draft: false });
    expect([...grouped.known]).toEqual([
      ['title', { key: 'tiêu_đề', value: 'Sơ kết' }],
      ['author', { key: 'tác_giả', value: ['Thu Hoài'] }],
      ['draft', { key: 'draft', value: false }],
    ]);
    expect(grouped.extra).toEqual({ 'nguồn': nested, 'lượt xem': 12 });
    expect(grouped.extra['nguồn']).toBe(nested);
    expect(grouped.conflicts).toEqual([]);
  });

  it('accepts two spellings of one field with equal values', () => {
    const grouped = groupFields({ title: 'Sơ kết', 'Tiêu đề': 'Sơ kết', tags: ['a', 'b'], 'từ_khóa': ['a', 'b'] });
    expect(grouped.conflicts).toEqual([]);
    expect(grouped.known.get('title')).toEqual({ key: 'title', value: 'Sơ kết' });
    expect(grouped.known.get('tags')).toEqual({ key: 'tags', value: ['a', 'b'] });
    expect(grouped.extra).toEqual({});
  });

  it('reports two spellings with different values as a conflict naming both keys', () => {
    const grouped = groupFields({ title: 'Sơ kết', 'tiêu_đề': 'Tổng kết', author: 'A' });
    expect(grouped.conflicts).toEqual([{ field: 'title', keys: ['title', 'tiêu_đề'] }]);
    expect(grouped.known.get('title')).toEqual({ key: 'title', value: 'Sơ kết' });
  });

  it('reports a conflict between date spellings', () => {
    const grouped = groupFields({ 'thời_gian': '2024-09-13', 'ngày_đăng': '2024-09-14' });
    expect(grouped.conflicts).toEqual([{ field: 'date', keys: ['thời_gian', 'ngày_đăng'] }]);
  });

  it('returns empty groups for empty data', () => {
    const grouped = groupFields({});
    expect(grouped.known.size).toBe(0);
    expect(grouped.extra).toEqual({});
    expect(grouped.conflicts).toEqual([]);
  });
});
