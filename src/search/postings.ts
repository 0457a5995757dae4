/**
 * Postings: the ascending numbers (ids while building, keys in the files) of the articles holding a term. While the index is built they are
 * kept as LEB128 gaps in a shared byte pool (about one byte an article for common terms); in the
 * term file they are text, the shorter of two forms, so the file of any term, however common,
 * stays under articleCount / 6 characters:
 *
 * - `g` + gaps: each gap (id − previous id, the first counted from −1) in base 32, most
 *   significant digit first; every digit but the last is written with ALPHABET[32 + d], the last
 *   with ALPHABET[d]. Gaps under 32 take one character.
 * - `b` + bitmap: character k is ALPHABET[bits], bit j (value 1 << j) set when id 6k + j is in
 *   the list; it ends at the character holding the last id.
 */

/** The 64 digits of both forms (base64url order). */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

const FIRST_BLOCK = 8;
const LARGEST_BLOCK = 1024;
const LINK = 4;
/** Fields of a term's state, STRIDE numbers a term. */
const LAST = 0;
const NEXT = 1;
const END = 2;
const BLOCK = 3;
const HEAD = 4;
const STRIDE = 8;

/**
 * The ids of every term while the index is built, in one growing byte pool: each term has a chain
 * of blocks (8 bytes, then twice as large up to 1 KB) holding LEB128 gaps, the last 4 bytes of a
 * full block pointing to the next. No object per term and no per-article term lists: a few bytes
 * per article and term in all.
 */
export class PostingsPool {
  private pool = new Uint8Array(1 << 16);
  private used = 0;
  private terms = 0;
  /** Per term, side by side (one cache line): the last id added, where the next byte goes, where its current block's data ends, where that block starts, where its first block starts. */
  private state = new Int32Array(1024 * STRIDE);

  /** Starts a new term with no ids; returns its number. */
  addTerm(): number {
    const term = this.terms++;
    if ((term + 1) * STRIDE > this.state.length) this.growTerms();
    const start = this.allocate(FIRST_BLOCK);
    const at = term * STRIDE;
    this.state[at + LAST] = -1;
    this.state[at + NEXT] = start;
    this.state[at + END] = start + FIRST_BLOCK - LINK;
    this.state[at + BLOCK] = start;
    this.state[at + HEAD] = start;
    return term;
  }

  /** Adds an id to a term; ids must not decrease (the same id again is ignored: false). */
  add(term: number, id: number): boolean {
    const at = term * STRIDE;
    const state = this.state;
    const last = state[at + LAST]!;
    if (id === last) return false;
    state[at + LAST] = id;
    let gap = id - last;
    for (;;) {
      if (state[at + NEXT] === state[at + END]) this.chain(at);
      const next = state[at + NEXT]!;
      state[at + NEXT] = next + 1;
      if (gap < 0x80) {
        this.pool[next] = gap;
        return true;
      }
      this.pool[next] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
  }

  /** A term's ids, ascending. */
  ids(term: number): number[] {
    const at = term * STRIDE;
    const ids: number[] = [];
    let id = -1;
    let gap = 0;
    let shift = 0;
    let start = this.state[at + HEAD]!;
    let size = FIRST_BLOCK;
    for (;;) {
      const current = start === this.state[at + BLOCK];
      const stop = current ? this.state[at + NEXT]! : start + size - LINK;
      for (let k = start; k < stop; k++) {
        const byte = this.pool[k]!;
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if (byte < 0x80) {
          id += gap;
          ids.push(id);
          gap = 0;
          shift = 0;
        }
      }
      if (current) return ids;
      start = this.readLink(stop);
      size = Math.min(size * 2, LARGEST_BLOCK);
    }
  }

  /** Bytes held for postings. */
  get bytes(): number {
    return this.used;
  }

  /** Gives the term at state offset `at`, whose block is full, its next block, linked from the full one. */
  private chain(at: number): void {
    const end = this.state[at + END]!;
    const size = Math.min((end + LINK - this.state[at + BLOCK]!) * 2, LARGEST_BLOCK);
    const start = this.allocate(size);
    for (let k = 0; k < LINK; k++) this.pool[end + k] = (start >>> (8 * k)) & 0xff;
    this.state[at + NEXT] = start;
    this.state[at + END] = start + size - LINK;
    this.state[at + BLOCK] = start;
  }

  private readLink(at: number): number {
    let start = 0;
    for (let k = LINK - 1; k >= 0; k--) start = start * 256 + this.pool[at + k]!;
    return start;
  }

  private allocate(size: number): number {
    if (this.used + size > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.used + size));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    const start = this.used;
    this.used += size;
    return start;
  }

  private growTerms(): void {
    const bigger = new Int32Array(this.state.length * 2);
    bigger.set(this.state);
    this.state = bigger;
  }
}

/** How many characters a gap takes in the `g` form. */
function gapDigits(gap: number): number {
  let digits = 1;
  while (gap >= 32) {
    gap = Math.floor(gap / 32);
    digits++;
  }
  return digits;
}

/** Writes ascending ids in the shorter of the gap and bitmap forms. */
export function encodePostings(ids: readonly number[]): string {
  if (ids.length === 0) return 'g';
  let gapLength = 0;
  let previous = -1;
  for (const id of ids) {
    gapLength += gapDigits(id - previous);
    previous = id;
  }
  const bitmapLength = Math.floor(previous / 6) + 1;
  return bitmapLength < gapLength ? encodeBitmap(ids, bitmapLength) : encodeGaps(ids);
}

function encodeGaps(ids: readonly number[]): string {
  let text = 'g';
  let previous = -1;
  for (const id of ids) {
    let gap = id - previous;
    previous = id;
    let digits = ALPHABET[gap % 32]!;
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits = ALPHABET[32 + (gap % 32)]! + digits;
      gap = Math.floor(gap / 32);
    }
    text += digits;
  }
  return text;
}

function encodeBitmap(ids: readonly number[], length: number): string {
  const cells = new Uint8Array(length);
  for (const id of ids) cells[Math.floor(id / 6)]! |= 1 << id % 6;
  let text = 'b';
  for (const cell of cells) text += ALPHABET[cell]!;
  return text;
}

/** Reads a term file back into ascending ids (the browser client has its own copy of this). */
export function decodePostings(text: string): number[] {
  const ids: number[] = [];
  if (text.startsWith('b')) {
    for (let k = 1; k < text.length; k++) {
      const bits = DIGIT_VALUE.get(text[k]!) ?? 0;
      for (let j = 0; j < 6; j++) if (bits & (1 << j)) ids.push((k - 1) * 6 + j);
    }
    return ids;
  }
  let id = -1;
  let gap = 0;
  for (let k = 1; k < text.length; k++) {
    const digit = DIGIT_VALUE.get(text[k]!) ?? 0;
    gap = gap * 32 + (digit % 32);
    if (digit < 32) {
      id += gap;
      ids.push(id);
      gap = 0;
    }
  }
  return ids;
}
