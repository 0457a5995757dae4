/**
 * Positions of an article's neighbours in its category list (newest first): up to `count`
 * others nearest to `position`, half newer and half older, topped up from the other side at
 * either end. Publishing one article thus changes a bounded number of older pages.
 */
export function relatedPositions(position: number, listLength: number, count: number): number[] {
  const window = Math.min(count + 1, listLength);
  const start = Math.max(0, Math.min(position - Math.floor(count / 2), listLength - window));
  const positions: number[] = [];
  for (let p = start; p < start + window; p++) if (p !== position) positions.push(p);
  return positions;
}
