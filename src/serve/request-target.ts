/** What a request-target names, decided before the file system is touched. */
export type RequestTarget =
  /** Not an origin-form target, badly encoded, or a path that tries to climb out (400). */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** A path that does not start with the base path (404). */
  | { readonly kind: 'outside-base' }
  | {
      readonly kind: 'site';
      /** The path under the base path, still percent-encoded: '' for the bare base path. */
      readonly rawPath: string;
      /** `rawPath` percent-decoded exactly once: '' or starts with '/'. */
      readonly decodedPath: string;
      /** The query with its '?', or ''. */
      readonly query: string;
    };

function invalid(reason: string): RequestTarget {
  return { kind: 'invalid', reason };
}

/** The part of a path under `basePath` ('' for the base itself), or null when it lies outside. */
function stripBasePath(urlPath: string, basePath: string): string | null {
  if (basePath === '') return urlPath;
  if (urlPath === basePath) return '';
  return urlPath.startsWith(`${basePath}/`) ? urlPath.slice(basePath.length) : null;
}

/** Why a decoded path must be refused, or null when it is safe to resolve under the site folder. */
export function unsafePathReason(decodedPath: string): string | null {
  if (decodedPath.includes('\0')) return 'NUL trong đường dẫn';
  if (decodedPath.includes('\\')) return 'dấu \\ trong đường dẫn';
  const segments = decodedPath.split('/');
  for (const [index, segment] of segments.entries()) {
    if (segment === '.' || segment === '..') return 'đoạn . hoặc .. trong đường dẫn';
    const isEdge = index === 0 || index === segments.length - 1;
    if (segment === '' && !isEdge) return 'đoạn rỗng (//) trong đường dẫn';
  }
  return null;
}

/**
 * Parses a request-target: origin-form only, query split off, base path stripped, then
 * percent-decoded exactly once and checked for NUL, backslashes, '.', '..' and empty segments.
 */
export function parseRequestTarget(target: string | undefined, basePath: string): RequestTarget {
  if (target === undefined || !target.startsWith('/')) return invalid('chỉ nhận đường dẫn bắt đầu bằng /');
  const queryAt = target.indexOf('?');
  const urlPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  const rawPath = stripBasePath(urlPath, basePath);
  if (rawPath === null) return { kind: 'outside-base' };
  if (rawPath.includes('\\')) return invalid('dấu \\ trong đường dẫn');
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(rawPath);
  } catch {
    return invalid('mã %xx không hợp lệ');
  }
  const reason = unsafePathReason(decodedPath);
  return reason === null ? { kind: 'site', rawPath, decodedPath, query } : invalid(reason);
}

/** Where `/x` is sent when x is a folder: `<basePath>/x/`, re-encoded, keeping a plain-ASCII query. */
export function folderRedirectLocation(basePath: string, decodedPath: string, query: string): string {
  const encoded = decodedPath.split('/').map(encodeURIComponent).join('/');
  const safeQuery = /^\?[\x21-\x7e]*$/.test(query) ? query : '';
  return `${basePath}${encoded}/${safeQuery}`;
}
