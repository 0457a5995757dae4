/**
 * A file made from the site model rather than a page template: feeds, sitemaps, robots.txt and the
 * search index. Planned with the routes so that every output path is checked for collisions.
 */
export interface GeneratedFile {
  /** Path relative to the output root, forward slashes. */
  readonly outputPath: string;
  /** What produced it, named in collision messages ("RSS feed of Thời sự"). */
  readonly source: string;
  /** The bytes, made only when written. */
  readonly content: () => string | Uint8Array;
}
