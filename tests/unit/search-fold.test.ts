import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, fold, foldNfc, tokenize } from '../../src/search/fold.js';
import { loadSearchClient } from '../../src/search/query.js';

const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const SAMPLE = 'Khối thi đua các hội có tính chất đặc thù cấp tỉnh: Sơ kết phong trào thi đua và công tác khen thưởng. ĐƯỜNG VỀ ĐÀ NẴNG!';

describe('fold', () => {
  it('drops tone and vowel marks and turns đ into d', () => {
    expect(fold('đường')).toBe('duong');
    expect(fold('Đà Nẵng')).toBe('da nang');
    expect(fold('khen thưởng')).toBe('khen thuong');
    expect(fold('thi đua')).toBe('thi dua');
    expect(fold(VIETNAMESE_LETTERS)).toBe('aaaaaaaaaaaaaaaaaabcddeeeeeeeeeeeeghiiiiiiklmnoooooooooooooooooopqrstuuuuuuuuuuuuvxyyyyyy');
    expect(fold(VIETNAMESE_LETTERS.toUpperCase())).toBe(fold(VIETNAMESE_LETTERS));
  });

  it('gives the same result for decomposed (NFD) and precomposed (NFC) input', () => {
    expect(fold(SAMPLE.normalize('NFD'))).toBe(fold(SAMPLE));
    expect(fold('Đa\u0300 Na\u0306\u0303ng')).toBe('da nang');
  });

  it('keeps the length of NFC text and each position folds on its own (1:1 mapping)', () => {
    const text = `${SAMPLE} ${VIETNAMESE_LETTERS} ${VIETNAMESE_LETTERS.toUpperCase()}`;
    const folded = fold(text);
    expect(folded).toHaveLength(text.length);
    expect([...text].map((c) => fold(c)).join('')).toBe(folded);
    expect(folded.slice(text.indexOf('ĐÀ NẴNG'), text.indexOf('ĐÀ NẴNG') + 7)).toBe('da nang');
  });

  it('leaves units that do not fold to one unit as they are, so lengths never change', () => {
    expect(foldNfc('x\u0301y')).toBe('x\u0301y');
    expect(foldNfc('🇻🇳 中 Ω')).toBe('🇻🇳 中 ω');
    expect(foldNfc('İ')).toBe('i');
  });
});

describe('tokenize', () => {
  it('splits folded text into runs of a-z and 0-9', () => {
    expect(tokenize('Đà Nẵng')).toEqual(['da', 'nang']);
    expect(tokenize('Sáng 18/7, "khen thưởng" (số 12)… thi-đua')).toEqual(['sang', '18', '7', 'khen', 'thuong', 'so', '12', 'thi', 'dua']);
    expect(tokenize(' — 🎉 ')).toEqual([]);
  });

  it('cuts very long tokens to MAX_TERM_LENGTH', () => {
    expect(tokenize(`${'a'.repeat(40)} b`)).toEqual(['a'.repeat(MAX_TERM_LENGTH), 'b']);
  });
});

describe('the browser client folds exactly like the index', () => {
  const client = loadSearchClient();

  it('for every UTF-16 code unit', () => {
    const differences: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      if (client.foldNfc(unit) !== foldNfc(unit)) differences.push(code.toString(16));
    }
    expect(differences).toEqual([]);
  });

  it('for Vietnamese text, NFC or NFD', () => {
    for (const text of [SAMPLE, SAMPLE.normalize('NFD'), VIETNAMESE_LETTERS.toUpperCase()]) {
      expect(client.fold(text)).toBe(fold(text));
      expect(client.tokenize(text)).toEqual(tokenize(text));
    }
  });

  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(client.fold(text)).toBe(fold(text));
        expect(client.tokenize(text)).toEqual(tokenize(text));
      }),
      { numRuns: 500, seed: 20240913 },
    );
  });
});
