import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { contentTypeFor, isHtmlFile } from './content-type.js';
import { EVENTS_PATH, injectDevHtml, liveReloadScript } from './html-inject.js';
import { ReloadChannel } from './live-reload.js';
import { folderRedirectLocation, parseRequestTarget } from './request-target.js';
import { sendBody, sendFileStream, sendRedirect, sendText } from './respond.js';
import { resolveSiteFile } from './site-file.js';

/** How `bantin dev` serves the built site. */
export interface DevServerOptions {
  /** Folder of the built site (absolute). Only files inside it are ever served. */
  readonly siteDir: string;
  /** Base path of the site ('' or '/bao'): URLs are /bao/..., files are siteDir/... */
  readonly basePath: string;
  /** Address to bind, exactly as given (the CLI passes '127.0.0.1' unless --host is given). */
  readonly host: string;
  /** Preferred port; when taken, the next ones are tried (20 in all). 0 means any free port. */
  readonly port: number;
  /** HTML of the current build error overlay, or null when the last build succeeded. Called per request. */
  readonly overlay: () => string | null;
}

/** A running dev server. */
export interface DevServer {
  /** Where the site's home page is, e.g. http://127.0.0.1:8080/bao/ (trailing slash). */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** Tells every open page to reload (Server-Sent Events). */
  reload(): void;
  /** Ends the event streams and every connection; resolves once the server is closed. */
  close(): Promise<void>;
}

/** How many ports are tried, from the preferred one upwards, before giving up. */
export const PORT_ATTEMPTS = 20;

const HTML_TYPE = 'text/html; charset=utf-8';
const FALLBACK_NOT_FOUND =
  '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head>' +
  '<body><h1>Không tìm thấy trang</h1></body></html>\n';

interface ServedSite {
  readonly siteDir: string;
  readonly basePath: string;
  readonly overlay: () => string | null;
  readonly script: string;
  readonly channel: ReloadChannel;
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Sends an HTML page read from disk, with the reload script and any overlay injected. */
async function sendPage(site: ServedSite, res: ServerResponse, status: number, html: string): Promise<void> {
  sendBody(res, status, HTML_TYPE, injectDevHtml(html, site.script, site.overlay()));
}

/** 404 with the site's own 404.html when it has one inside the site folder. */
async function sendNotFound(site: ServedSite, res: ServerResponse): Promise<void> {
  const page = await resolveSiteFile(site.siteDir, '/404.html');
  let html = FALLBACK_NOT_FOUND;
  if (page.kind === 'file') {
    try {
      html = await readFile(page.path, 'utf8');
    } catch (error) {
      if (!isMissingFile(error)) throw error;
    }
  }
  await sendPage(site, res, 404, html);
}

/** Sends a file found in the site; one removed by a rebuild meanwhile is a 404. */
async function sendSiteFile(site: ServedSite, res: ServerResponse, filePath: string): Promise<void> {
  try {
    if (isHtmlFile(filePath)) await sendPage(site, res, 200, await readFile(filePath, 'utf8'));
    else await sendFileStream(res, filePath, contentTypeFor(filePath));
  } catch (error) {
    if (res.headersSent || !isMissingFile(error)) throw error;
    await sendNotFound(site, res);
  }
}

async function handleRequest(site: ServedSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Chỉ nhận GET và HEAD', { Allow: 'GET, HEAD' });
  }
  const target = parseRequestTarget(req.url, site.basePath);
  if (target.kind === 'invalid') return sendText(res, 400, `Yêu cầu không hợp lệ: ${target.reason}`);
  if (target.kind === 'outside-base') return sendNotFound(site, res);
  if (target.rawPath === EVENTS_PATH) return site.channel.attach(req, res);
  const file = await resolveSiteFile(site.siteDir, target.decodedPath);
  switch (file.kind) {
    case 'file':
      return sendSiteFile(site, res, file.path);
    case 'folder':
      return sendRedirect(res, folderRedirectLocation(site.basePath, target.decodedPath, target.query));
    case 'outside':
      return sendText(res, 403, 'Bị từ chối: đường dẫn trỏ ra ngoài thư mục trang');
    case 'missing':
      return sendNotFound(site, res);
  }
}

function failRequest(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendText(res, 500, `Lỗi máy chủ: ${message}`);
}

function listenOnce(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function listenFailure(error: unknown, host: string, firstPort: number, lastPort: number): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const ports = firstPort === lastPort ? `port ${firstPort} is` : `ports ${firstPort}–${lastPort} are all`;
  if (code === 'EADDRINUSE') return new UsageError(`${ports} in use on ${host}; pass another --port`, { cause: error });
  if (code === 'EACCES') return new UsageError(`not allowed to listen on ${host}:${firstPort}; use a port above 1023`, { cause: error });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new UsageError(`cannot listen on host ${host}: not an address of this machine`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** Binds the preferred port, or the next free one (PORT_ATTEMPTS in all); returns the bound port. */
async function listenOnFreePort(server: Server, host: string, preferred: number): Promise<number> {
  const lastPort = preferred === 0 ? 0 : Math.min(preferred + PORT_ATTEMPTS - 1, 65535);
  for (let port = preferred; ; port += 1) {
    try {
      await listenOnce(server, port, host);
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || port >= lastPort) throw listenFailure(error, host, preferred, port);
    }
  }
}

/** The URL shown to the editor; wildcard binds are shown as localhost, IPv6 in brackets. */
function siteUrl(host: string, port: number, basePath: string): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}${basePath}/`;
}

/** Serves the built site for `bantin dev`: static files, live reload and the build error overlay. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const basePath = options.basePath.replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new Error(`basePath must be '' or start with '/': ${options.basePath}`);
  const channel = new ReloadChannel();
  const site: ServedSite = {
    siteDir: path.resolve(options.siteDir),
    basePath,
    overlay: options.overlay,
    script: liveReloadScript(`${basePath}${EVENTS_PATH}`),
    channel,
  };
  const server = createServer({ maxHeaderSize: 16_384, requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    handleRequest(site, req, res).catch((error: unknown) => failRequest(res, error));
  });
  const port = await listenOnFreePort(server, options.host, options.port);
  let closing: Promise<void> | null = null;
  return {
    url: siteUrl(options.host, port, basePath),
    port,
    reload: () => channel.reload(),
    close: () => (closing ??= closeServer(server, channel)),
  };
}

function closeServer(server: Server, channel: ReloadChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.close();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
