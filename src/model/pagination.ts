/** Number of pages needed for `count` items, `perPage` a page; at least one (an empty first page). */
export function pageCount(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/** The items on page `page` (1-based). */
export function pageSlice<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/** Link to a numbered page, or a gap ("…") between runs of numbers. */
export type PageLink = { page: number; current: boolean } | { gap: true };

/**
 * Numbers to show in a pager: the first and last pages, and `around` pages each side of the
 * current one, with gaps between; a gap of one page is shown as that page.
 */
export function pageLinks(current: number, total: number, around = 2): PageLink[] {
  const shown = new Set<number>([1, total]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= total) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  pages.forEach((page, i) => {
    const previous = pages[i - 1];
    if (previous !== undefined && page - previous === 2) links.push({ page: page - 1, current: false });
    else if (previous !== undefined && page - previous > 2) links.push({ gap: true });
    links.push({ page, current: page === current });
  });
  return links;
}
