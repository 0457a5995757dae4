import { mkdir, open, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

const FLUSH_BYTES = 1 << 20;

/**
 * Each published article's distinct search terms, one line an article, appended to one file: a
 * warm build reads back just the lines of the articles it re-indexes, to take their old terms out
 * of the term files. Terms are folded to Latin-1 text by the tokenizer, so a character is a byte.
 */
export class TermsFile {
  private pending: string[] = [];
  private pendingBytes = 0;
  private flushing: Promise<void> = Promise.resolve();

  private handle: FileHandle | null = null;

  private constructor(private readonly file: string, private readonly fresh: boolean, private size: number) {}

  /** A terms file to add to; `fresh` empties it first. Nothing is created on disk before the first line is written. */
  static async open(file: string, fresh: boolean): Promise<TermsFile> {
    const size = fresh ? 0 : ((await stat(file).catch(() => null))?.size ?? 0);
    return new TermsFile(file, fresh, size);
  }

  /** Adds an article's terms; returns where they are. */
  append(terms: readonly string[]): { at: number; length: number } {
    const line = `${terms.join(' ')}\n`;
    const place = { at: this.size, length: line.length };
    this.size += line.length;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return place;
  }

  /** Reads back the terms stored at a place (null when the file is shorter: it was damaged). */
  async read(at: number, length: number): Promise<string[] | null> {
    await this.flushAll();
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await (await this.opened()).read(buffer, 0, length, at);
    if (bytesRead !== length || buffer[length - 1] !== 0x0a) return null;
    const line = buffer.toString('latin1', 0, length - 1);
    return line === '' ? [] : line.split(' ');
  }

  /** Bytes in the file, written or pending. */
  get bytes(): number {
    return this.size;
  }

  /** Writes what is pending and closes the file. */
  async close(): Promise<void> {
    await this.flushAll();
    await this.handle?.close();
    this.handle = null;
  }

  /** Closes and deletes the file (a build that failed), and its folder when that is left empty. */
  async discard(): Promise<void> {
    await this.flushing.catch(() => undefined);
    await this.handle?.close();
    this.handle = null;
    await rm(this.file, { force: true });
    await rmdir(path.dirname(this.file)).catch(() => undefined);
  }

  private async opened(): Promise<FileHandle> {
    if (!this.handle) {
      await mkdir(path.dirname(this.file), { recursive: true });
      this.handle = await open(this.file, this.fresh ? 'w+' : 'a+');
    }
    return this.handle;
  }

  private flush(): void {
    const chunk = Buffer.from(this.pending.join(''), 'latin1');
    this.pending = [];
    this.pendingBytes = 0;
    this.flushing = this.flushing.then(async () => {
      await (await this.opened()).appendFile(chunk);
    });
  }

  private async flushAll(): Promise<void> {
    if (this.pending.length > 0) this.flush();
    await this.flushing;
  }
}
