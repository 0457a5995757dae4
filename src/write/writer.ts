/** Where a build puts its output. Paths are relative to the output root, with forward slashes. */
export interface Writer {
  /** Writes one file's bytes. */
  write(outputPath: string, content: string | Uint8Array): Promise<void>;
  /** Copies a file from disk without reading it whole into memory. */
  copy(sourcePath: string, outputPath: string): Promise<void>;
  /** Makes everything written visible at once; called only after a successful build. */
  commit(): Promise<void>;
  /** Throws away everything written; the previous output stays as it was. */
  abort(): Promise<void>;
  /** A folder other threads may write new files into directly, when this writer commits one folder whole. */
  readonly folderTarget?: FolderTarget | undefined;
}

/** A folder other threads write files into, and what the writer that owns it hears of each. */
export interface FolderTarget {
  /** Absolute path: output paths are relative to it. */
  readonly folder: string;
  /** Whether the owner wants each file's contentHash. */
  readonly wantsHashes: boolean;
  /** Tells the owner of a file written there by another thread, with its hash ('' when not wanted). */
  wrote(outputPath: string, hash: string): void;
}

/** A writer that keeps files in memory: for tests and for checks that write nothing. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, Uint8Array>();
  committed = false;

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    this.files.set(outputPath, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  async copy(sourcePath: string, outputPath: string): Promise<void> {
    const { readFile } = await import('node:fs/promises');
    this.files.set(outputPath, new Uint8Array(await readFile(sourcePath)));
  }

  async commit(): Promise<void> {
    this.committed = true;
  }

  async abort(): Promise<void> {
    this.files.clear();
  }

  /** A written file as text, or undefined. */
  text(outputPath: string): string | undefined {
    const bytes = this.files.get(outputPath);
    return bytes && new TextDecoder().decode(bytes);
  }

  /** Every written path, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}

/** A writer that keeps nothing: for checks that render every page without writing it. */
export class NullWriter implements Writer {
  written = 0;

  async write(): Promise<void> {
    this.written++;
  }

  async copy(): Promise<void> {}

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}
