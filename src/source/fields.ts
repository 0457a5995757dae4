import { slugify } from '../vi/slugify.js';

/** Front-matter fields bantin knows, by their canonical (English) name. */
export type FieldName =
  | 'title' | 'author' | 'date' | 'category' | 'slug' | 'permalink'
  | 'summary' | 'tags' | 'image' | 'draft' | 'aliases';

/** Every accepted spelling of each field as editors write it; lookups fold marks, case and separators. */
const SPELLINGS: Record<FieldName, readonly string[]> = {
  title: ['title', 'tiêu_đề', 'tieu_de'],
  author: ['author', 'tác_giả', 'tac_gia'],
  date: ['date', 'timestamp', 'thời_gian', 'thoi_gian', 'ngày_đăng', 'ngay_dang'],
  category: ['category', 'chuyên_mục', 'chuyen_muc'],
  slug: ['slug'],
  permalink: ['permalink'],
  summary: ['summary', 'sapo', 'tóm_tắt', 'tom_tat'],
  tags: ['tags', 'từ_khóa', 'tu_khoa'],
  image: ['image', 'ảnh', 'anh'],
  draft: ['draft', 'nháp', 'nhap'],
  aliases: ['aliases'],
};

/** Fields an article cannot do without. */
export const REQUIRED_FIELDS: readonly FieldName[] = ['title', 'author', 'date', 'category'];

const FIELD_BY_SPELLING = new Map<string, FieldName>(
  Object.entries(SPELLINGS).flatMap(([field, spellings]) => spellings.map((s) => [foldKey(s), field as FieldName] as const)),
);

/** The folded form of a key: "Tiêu đề", "tiêu_đề" and "tieu-de" all give "tieu_de". */
export function foldKey(key: string): string {
  return slugify(key).replace(/-/g, '_');
}

/** Which known field a written key means, if any. */
export function fieldOfKey(key: string): FieldName | undefined {
  return FIELD_BY_SPELLING.get(foldKey(key));
}

/** The spellings an editor may use for a field, for hints. */
export function spellingsOf(field: FieldName): readonly string[] {
  return SPELLINGS[field];
}

/** One known field's value and the key it was written under. */
export interface FieldValue {
  readonly key: string;
  readonly value: unknown;
}

/** Front-matter grouped by field: known fields by canonical name, the rest untouched. */
export interface GroupedFields {
  readonly known: ReadonlyMap<FieldName, FieldValue>;
  readonly extra: Readonly<Record<string, unknown>>;
  /** Fields written under two spellings with different values. */
  readonly conflicts: readonly { field: FieldName; keys: [string, string] }[];
}

/** Sorts front-matter keys into known fields (any spelling) and extra keys. */
export function groupFields(data: Readonly<Record<string, unknown>>): GroupedFields {
  const known = new Map<FieldName, FieldValue>();
  const extra: Record<string, unknown> = {};
  const conflicts: { field: FieldName; keys: [string, string] }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = fieldOfKey(key);
    if (field === undefined) {
      extra[key.normalize('NFC')] = value;
      continue;
    }
    const earlier = known.get(field);
    if (earlier === undefined) known.set(field, { key, value });
    else if (!sameValue(earlier.value, value)) conflicts.push({ field, keys: [earlier.key, key] });
  }
  return { known, extra, conflicts };
}

/** Most nodes compared before two values are taken as different: YAML aliases can nest a value exponentially. */
const COMPARE_BUDGET = 10_000;

/**
 * Whether two front-matter values are the same. YAML anchors and aliases can make a value refer
 * to itself (`&a [*a]`) or repeat one list exponentially, so the walk is bounded: past the budget,
 * or on a cycle, the values count as different (an error the editor sees, never a hang or a crash).
 */
function sameValue(a: unknown, b: unknown): boolean {
  let budget = COMPARE_BUDGET;
  const seen = new Set<unknown>();
  const same = (x: unknown, y: unknown): boolean => {
    if (x === y) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || --budget < 0) return Object.is(x, y);
    if (Array.isArray(x) !== Array.isArray(y) || seen.has(x) || seen.has(y)) return false;
    seen.add(x).add(y);
    const keys = Object.keys(x);
    const result = keys.length === Object.keys(y).length &&
      keys.every((k) => Object.hasOwn(y, k) && same((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
    seen.delete(x);
    seen.delete(y);
    return result;
  };
  return same(a, b);
}
