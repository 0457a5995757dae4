import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pageSlice, type PageLink } from '../../src/model/pagination.js';

/** A pager written compactly: numbers, "[n]" for the current page, "…" for a gap. */
function render(links: PageLink[]): string {
  return links.map((l) => ('gap' in l ? '…' : l.current ? `[${l.page}]` : String(l.page))).join(' ');
}

describe('pageCount', () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [19, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [40, 20, 2],
    [41, 20, 3],
    [100, 10, 10],
    [101, 10, 11],
    [5, 1, 5],
  ])('%i items at %i a page → %i pages', (count, perPage, pages) => {
    expect(pageCount(count, perPage)).toBe(pages);
  });
});

describe('pageSlice', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('returns the items of a 1-based page', () => {
    expect(pageSlice(items, 1, 20)).toEqual(items.slice(0, 20));
    expect(pageSlice(items, 2, 20)).toEqual(items.slice(20, 40));
    expect(pageSlice(items, 3, 20)).toEqual([41, 42, 43, 44, 45]);
    expect(pageSlice(items, 4, 20)).toEqual([]);
    expect(pageSlice([], 1, 20)).toEqual([]);
  });

  it('covers every item exactly once over all pages', () => {
    for (const perPage of [1, 7, 20, 45, 50]) {
      const pages = pageCount(items.length, perPage);
      const all: number[] = [];
      for (let p = 1; p <= pages; p++) all.push(...pageSlice(items, p, perPage));
      expect(all).toEqual(items);
    }
  });

  it('does not change its input', () => {
    const copy = [...items];
    pageSlice(items, 2, 10).push(999);
    expect(items).toEqual(copy);
  });
});

describe('pageLinks', () => {
  it.each([
    [1, 1, '[1]'],
    [1, 2, '[1] 2'],
    [2, 2, '1 [2]'],
    [1, 3, '[1] 2 3'],
    [1, 5, '[1] 2 3 4 5'],
    [1, 10, '[1] 2 3 … 10'],
    [2, 10, '1 [2] 3 4 … 10'],
    [3, 10, '1 2 [3] 4 5 … 10'],
    [4, 10, '1 2 3 [4] 5 6 … 10'],
    [5, 10, '1 2 3 4 [5] 6 7 … 10'],
    [6, 10, '1 … 4 5 [6] 7 8 9 10'],
    [7, 10, '1 … 5 6 [7] 8 9 10'],
    [8, 10, '1 … 6 7 [8] 9 10'],
    [10, 10, '1 … 8 9 [10]'],
    [3, 7, '1 2 [3] 4 5 6 7'],
    [50, 100, '1 … 48 49 [50] 51 52 … 100'],
  ])('page %i of %i: %s', (current, total, expected) => {
    expect(render(pageLinks(current, total))).toBe(expected);
  });

  it('shows a one-page gap as the page itself', () => {
    // Pages 1 and 3..7 are shown for current 5: page 2 would be a gap of one.
    expect(pageLinks(5, 10).slice(0, 3)).toEqual([
      { page: 1, current: false },
      { page: 2, current: false },
      { page: 3, current: false },
    ]);
  });

  it('keeps its rules for every current page of pagers up to 40 pages', () => {
    for (let total = 1; total <= 40; total++) {
      for (let current = 1; current <= total; current++) {
        const links = pageLinks(current, total);
        const pages = links.flatMap((l) => ('gap' in l ? [] : [l.page]));
        expect(pages[0]).toBe(1);
        expect(pages[pages.length - 1]).toBe(total);
        expect(links.filter((l) => !('gap' in l) && l.current)).toEqual([{ page: current, current: true }]);
        for (let p = Math.max(1, current - 2); p <= Math.min(total, current + 2); p++) expect(pages).toContain(p);
        links.forEach((link, i) => {
          const previous = links[i - 1];
          if (previous === undefined) return expect('gap' in link).toBe(false);
          if ('gap' in link) {
            expect('gap' in previous).toBe(false);
            const next = links[i + 1];
            expect(next !== undefined && !('gap' in next)).toBe(true);
            // A gap hides at least two pages.
            if (next && !('gap' in next) && !('gap' in previous)) expect(next.page - previous.page).toBeGreaterThanOrEqual(3);
          } else if (!('gap' in previous)) {
            expect(link.page - previous.page).toBe(1);
          }
        });
        // Pages beyond current ± 2 are shown only as first, last or a one-page fill.
        const shownFar = pages.filter((p) => Math.abs(p - current) > 2 && p !== 1 && p !== total);
        for (const p of shownFar) expect(Math.abs(p - current)).toBe(3);
      }
    }
  });
});
