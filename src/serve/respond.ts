import { open } from 'node:fs/promises';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

/** Headers every dev response carries: nothing is cached, nothing is sniffed. */
export const DEV_HEADERS: Readonly<OutgoingHttpHeaders> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function isHead(res: ServerResponse): boolean {
  return res.req.method === 'HEAD';
}

/** Sends a whole body (or only its headers for HEAD) with an exact Content-Length. */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  extraHeaders: OutgoingHttpHeaders = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...DEV_HEADERS,
    'Content-Type': contentType,
    'Content-Length': bytes.byteLength,
    ...extraHeaders,
  });
  if (isHead(res)) res.end();
  else res.end(bytes);
}

/** Sends a short plain-text message, e.g. for 400 or 405. */
export function sendText(res: ServerResponse, status: number, text: string, extraHeaders: OutgoingHttpHeaders = {}): void {
  sendBody(res, status, 'text/plain; charset=utf-8', `${text}\n`, extraHeaders);
}

/** Sends a 301 to `location`, a path already percent-encoded. */
export function sendRedirect(res: ServerResponse, location: string): void {
  sendText(res, 301, `Chuyển đến ${location}`, { Location: location });
}

/**
 * Streams a file from disk without reading it whole. The length comes from the opened handle, so a
 * file replaced by a rebuild meanwhile is still sent whole and consistent.
 */
export async function sendFileStream(res: ServerResponse, filePath: string, contentType: string): Promise<void> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    res.writeHead(200, { ...DEV_HEADERS, 'Content-Type': contentType, 'Content-Length': size });
    if (isHead(res)) {
      res.end();
      return;
    }
    await pipeline(handle.createReadStream({ autoClose: false }), res);
  } finally {
    await handle.close();
  }
}
