import { describe, expect, it } from 'vitest';
import { compareVi, sortVi } from '../../src/vi/collation.js';

const sorted = (words: readonly string[]) => sortVi(words, (w) => w);

describe('compareVi / sortVi: Vietnamese alphabetical order', () => {
  it('sorts category names as a Vietnamese dictionary does', () => {
    const names = ['Văn hóa', 'An ninh', 'Đời sống', 'Dân tộc', 'Thời sự', 'Thể thao', 'Ẩm thực', 'Xã hội', 'Giáo dục'];
    expect(sorted(names)).toEqual(['An ninh', 'Ẩm thực', 'Dân tộc', 'Đời sống', 'Giáo dục', 'Thể thao', 'Thời sự', 'Văn hóa', 'Xã hội']);
  });

  it('puts d before đ as separate letters, not as an accent on d', () => {
    // A generic (non-Vietnamese) collation treats đ as d with a mark, giving "Đa" < "Dz".
    expect(sorted(['Đa', 'Dz', 'Dân', 'Đà'])).toEqual(['Dân', 'Dz', 'Đa', 'Đà']);
    expect(compareVi('Dz', 'Đa')).toBeLessThan(0);
    expect(compareVi('đa', 'dz')).toBeGreaterThan(0);
  });

  it('orders a < ă < â, e < ê, o < ô < ơ, u < ư as letters', () => {
    expect(sorted(['Âm', 'Ăz', 'Az', 'Ăn', 'Âa'])).toEqual(['Az', 'Ăn', 'Ăz', 'Âa', 'Âm']);
    expect(sorted(['Êa', 'Ez'])).toEqual(['Ez', 'Êa']);
    expect(sorted(['Ơa', 'Ôz', 'Oz', 'Ôa'])).toEqual(['Oz', 'Ôa', 'Ôz', 'Ơa']);
    expect(sorted(['Ưa', 'Uz'])).toEqual(['Uz', 'Ưa']);
    expect(sorted(['ơ', 'b', 'ư', 'â', 'đ', 'a', 'ô', 'e', 'ă', 'u', 'ê', 'd', 'o', 'c', 'v'])).toEqual([
      'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'v',
    ]);
  });

  it('compares letters before tone marks, unmarked first, then huyền, hỏi, ngã, sắc, nặng', () => {
    expect(sorted(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    // The letter after the tone decides first: "mác" < "mai" although "mà" < "má".
    expect(sorted(['mai', 'mác', 'mà'])).toEqual(['mà', 'mác', 'mai']);
    expect(sorted(['Thời sự', 'Thể thao', 'Thế giới', 'Thẻ'])).toEqual(['Thẻ', 'Thế giới', 'Thể thao', 'Thời sự']);
  });

  it('treats NFC and NFD spellings as equal, and distinct words as different', () => {
    expect(compareVi('Thời sự', 'Thời sự'.normalize('NFD'))).toBe(0);
    expect(compareVi('Đời sống', 'Đời sống')).toBe(0);
    expect(compareVi('An ninh', 'Ẩm thực')).toBeLessThan(0);
    expect(compareVi('Ẩm thực', 'An ninh')).toBeGreaterThan(0);
    expect(compareVi('Thời sự', 'Thời Sự')).not.toBe(0);
  });

  it('returns a sorted copy by key and leaves the input alone', () => {
    const items = [{ name: 'Xã hội', n: 1 }, { name: 'Đời sống', n: 2 }, { name: 'Dân tộc', n: 3 }] as const;
    const result = sortVi(items, (item) => item.name);
    expect(result.map((i) => i.n)).toEqual([3, 2, 1]);
    expect(items.map((i) => i.n)).toEqual([1, 2, 3]);
    expect(result).not.toBe(items);
    expect(sortVi([], (x: string) => x)).toEqual([]);
  });
});
