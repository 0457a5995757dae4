import { describe, expect, it } from 'vitest';
import { CLEAN_SLUG, isCleanSlug, nfc, slugify } from '../../src/vi/slugify.js';

const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Small deterministic PRNG (mulberry32) so generated inputs are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL = [
  ...'abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789',
  ...'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
  ...'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ',
  ' ', ' ', ' ', '-', '-', '_', '.', ',', ':', ';', '!', '?', '"', "'", '/', '(', ')', '“', '”', '–', '—', '…', '\t', '\n',
  '🎉', '🇻🇳', '€', '%', '&', '#', '@', 'ß', 'ø', 'æ', '中', 'Ω',
];

function generated(count: number): string[] {
  const next = prng(20240913);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(next() * 40);
    let s = '';
    for (let j = 0; j < length; j++) s += POOL[Math.floor(next() * POOL.length)]!;
    out.push(s);
  }
  return out;
}

describe('slugify', () => {
  it.each([
    ['Khối thi đua các hội', 'khoi-thi-dua-cac-hoi'],
    ['Đời sống', 'doi-song'],
    ['Thời sự', 'thoi-su'],
    ['ĐỜI SỐNG', 'doi-song'],
    ['đường Điện Biên Phủ', 'duong-dien-bien-phu'],
    ['Thể thao', 'the-thao'],
    ['Văn hóa', 'van-hoa'],
    ['Văn hoá', 'van-hoa'],
    ['Ẩm thực', 'am-thuc'],
    ['Xã hội', 'xa-hoi'],
    ['Giáo dục', 'giao-duc'],
    ['Thủ tướng Phạm Minh Chính', 'thu-tuong-pham-minh-chinh'],
    ['  Xin chào, thế giới!  ', 'xin-chao-the-gioi'],
    ['COVID-19: số ca mắc mới', 'covid-19-so-ca-mac-moi'],
    ['Ngày 2/9 – Quốc khánh', 'ngay-2-9-quoc-khanh'],
    ['a -- b __ c', 'a-b-c'],
    ['---a---', 'a'],
    ['"Trích dẫn" (tạm)…', 'trich-dan-tam'],
    ['Tin\tmới\nnhất', 'tin-moi-nhat'],
    ['Năm 2024', 'nam-2024'],
    ['2024', '2024'],
    ['khoi-thi-dua', 'khoi-thi-dua'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('removes every tone and vowel mark, lower and upper case', () => {
    expect(slugify('à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ')).toBe('a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a');
    expect(slugify('è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị')).toBe('e-e-e-e-e-e-e-e-e-e-e-i-i-i-i-i');
    expect(slugify('ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ')).toBe('o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o');
    expect(slugify('ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ')).toBe('u-u-u-u-u-u-u-u-u-u-u-y-y-y-y-y');
    expect(slugify('ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ ÈÉẺẼẸÊỀẾỂỄỆ ÌÍỈĨỊ')).toBe('aaaaaaaaaaaaaaaaa-eeeeeeeeeee-iiiii');
    expect(slugify('ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ ÙÚỦŨỤƯỪỨỬỮỰ ỲÝỶỸỴ Đđ')).toBe('ooooooooooooooooo-uuuuuuuuuuu-yyyyy-dd');
  });

  it('gives "" when nothing is left', () => {
    expect(slugify('!!!')).toBe('');
    expect(slugify('🎉🔥🇻🇳')).toBe('');
    expect(slugify('')).toBe('');
    expect(slugify('   ')).toBe('');
    expect(slugify('— … —')).toBe('');
  });

  it('does not truncate long titles', () => {
    const title =
      'Khối thi đua các hội có tính chất đặc thù cấp tỉnh: Sơ kết phong trào thi đua và công tác khen thưởng 6 tháng đầu năm 2024, triển khai nhiệm vụ 6 tháng cuối năm';
    const expected =
      'khoi-thi-dua-cac-hoi-co-tinh-chat-dac-thu-cap-tinh-so-ket-phong-trao-thi-dua-va-cong-tac-khen-thuong-6-thang-dau-nam-2024-trien-khai-nhiem-vu-6-thang-cuoi-nam';
    expect(slugify(title)).toBe(expected);
    const long = 'tin '.repeat(200);
    expect(slugify(long)).toBe(Array(200).fill('tin').join('-'));
    expect(slugify(long)).toHaveLength(799);
  });

  it('gives the same slug for NFC and NFD input', () => {
    for (const text of ['Khối thi đua các hội', 'Đời sống', 'Thời sự', 'ỲÝỶỸỴ ưỡng', 'Ẩm thực']) {
      expect(text.normalize('NFD')).not.toBe(text.normalize('NFC'));
      expect(slugify(text.normalize('NFD'))).toBe(slugify(text.normalize('NFC')));
    }
    for (const text of generated(300)) {
      expect(slugify(text.normalize('NFD'))).toBe(slugify(text.normalize('NFC')));
    }
  });

  it('always returns a clean slug or "", and is idempotent (generated inputs)', () => {
    for (const text of generated(1000)) {
      const slug = slugify(text);
      if (slug !== '') expect(slug).toMatch(SLUG_SHAPE);
      expect(slugify(slug)).toBe(slug);
    }
  });
});

describe('isCleanSlug', () => {
  it.each([
    ['khoi-thi-dua-cac-hoi', true],
    ['2024', true],
    ['abc123', true],
    ['a-1-b', true],
    ['a', true],
    ['Bad Slug', false],
    ['bad slug', false],
    ['Thoi-su', false],
    ['a--b', false],
    ['-a', false],
    ['a-', false],
    ['', false],
    ['đời-sống', false],
    ['doi_song', false],
    ['doi.song', false],
    ['doi/song', false],
  ])('%j → %s', (slug, clean) => {
    expect(isCleanSlug(slug)).toBe(clean);
  });

  it('accepts every non-empty slugify output', () => {
    for (const text of generated(300)) {
      const slug = slugify(text);
      expect(isCleanSlug(slug)).toBe(slug !== '');
    }
    expect(CLEAN_SLUG.source).toBe(SLUG_SHAPE.source);
  });
});

describe('nfc', () => {
  it('normalises decomposed Vietnamese to the composed form', () => {
    const decomposed = 'Thời sự'.normalize('NFD');
    expect(decomposed).toHaveLength(11);
    expect(nfc(decomposed)).toBe('Thời sự');
    expect(nfc(decomposed)).toHaveLength(7);
  });
});
