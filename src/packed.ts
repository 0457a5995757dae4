import Tinypool from 'tinypool';

/** Byte strings laid end to end in one buffer, so many of them cross between threads as one transfer. */
export interface PackedBytes {
  readonly buffer: ArrayBuffer;
  /** Where each one ends in the buffer. */
  readonly ends: readonly number[];
}

/** Packs byte strings (or text, as UTF-8) into one new buffer. */
export function packBytes(parts: readonly (Uint8Array | string)[]): PackedBytes {
  const encoded = parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part));
  const ends: number[] = [];
  let size = 0;
  for (const part of encoded) ends.push((size += part.byteLength));
  const buffer = new ArrayBuffer(size);
  const bytes = new Uint8Array(buffer);
  encoded.forEach((part, i) => bytes.set(part, i === 0 ? 0 : ends[i - 1]!));
  return { buffer, ends };
}

/** The byte strings of a packed buffer, as views into it (nothing is copied). */
export function unpackBytes(packed: PackedBytes): Buffer[] {
  return packed.ends.map((end, i) => {
    const start = i === 0 ? 0 : packed.ends[i - 1]!;
    return Buffer.from(packed.buffer, start, end - start);
  });
}

/** A worker thread's reply whose buffers are moved to the receiving thread rather than copied. */
export function replyMoving<T>(value: T, buffers: readonly ArrayBuffer[]): unknown {
  return Tinypool.move({ [Tinypool.transferableSymbol]: buffers, [Tinypool.valueSymbol]: value } as unknown as ArrayBuffer);
}
