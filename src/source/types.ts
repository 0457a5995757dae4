import type { Timestamp } from '../vi/timestamp.js';

/** A source file found in the content folder. */
export interface SourceFile {
  /** Absolute path on disk. */
  readonly absolutePath: string;
  /** Path relative to the content folder, NFC, forward slashes: the article's stable identity. */
  readonly contentPath: string;
  /** Path relative to the site root, forward slashes: what diagnostics show. */
  readonly displayPath: string;
}

/** One article, validated: nothing past src/source/ sees raw front-matter. */
export interface Article {
  readonly source: SourceFile;
  readonly title: string;
  readonly authors: readonly string[];
  /** The category name as this article spells it. */
  readonly category: string;
  readonly categorySlug: string;
  readonly slug: string;
  /** Root-relative URL replacing the default one, when the editor set `permalink`. */
  readonly permalink: string | null;
  /** The lede (sapo); '' when none. */
  readonly summary: string;
  readonly tags: readonly string[];
  readonly image: string | null;
  readonly draft: boolean;
  /** Old root-relative URLs that should lead to this article. */
  readonly aliases: readonly string[];
  readonly publishedAt: Timestamp;
  /** Markdown body, NFC, LF line endings. */
  readonly body: string;
  /** Line of the file on which the body starts. */
  readonly bodyLine: number;
  /** Front-matter keys bantin does not know, as written. */
  readonly extra: Readonly<Record<string, unknown>>;
}
