import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The text of the file outside the site folder; no response may ever contain it. */
export const SECRET = 'TOP-SECRET-42';

/** The reload script the server injects for a site without a base path. */
export const RELOAD_SCRIPT =
  '<script>(function(){if(!window.EventSource)return;var s=new EventSource("/__bantin/events");' +
  's.addEventListener("reload",function(){s.close();location.reload();});})();</script>';

/** The pages of the temporary site, as written on disk. */
export const PAGES = {
  index: '<!doctype html><html><head><title>Trang chủ</title></head><body><h1>Tin mới</h1></body></html>',
  article: '<!doctype html><html><body class="bai"><h1>Bài viết</h1></body></html>',
  notFound: '<!doctype html><html><body><p>Không có trang này</p></body></html>',
  css: 'body { color: #c00; }\n',
  vietnameseName: 'tệp có tên tiếng Việt\n',
} as const;

/** A temporary folder holding `site/` and, beside it, `secret.txt`. */
export interface TempSite {
  readonly root: string;
  readonly siteDir: string;
  /** Bytes of site/big.bin (2 MiB), to check streaming. */
  readonly big: Buffer;
  remove(): Promise<void>;
}

/** Builds the test site: pages, a stylesheet, a 404 page, symlinks in and out of the site. */
export async function makeTempSite(): Promise<TempSite> {
  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'bantin-serve-')));
  const siteDir = path.join(root, 'site');
  await mkdir(path.join(siteDir, 'a', 'b'), { recursive: true });
  await mkdir(path.join(siteDir, 'empty'));
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await writeFile(path.join(siteDir, 'index.html'), PAGES.index);
  await writeFile(path.join(siteDir, 'a', 'b', 'index.html'), PAGES.article);
  await writeFile(path.join(siteDir, '404.html'), PAGES.notFound);
  await writeFile(path.join(siteDir, 'style.css'), PAGES.css);
  await writeFile(path.join(siteDir, 'tin tức.txt'), PAGES.vietnameseName);
  const big = Buffer.alloc(2 * 1024 * 1024, 0xab);
  await writeFile(path.join(siteDir, 'big.bin'), big);
  await symlink(path.join('..', 'secret.txt'), path.join(siteDir, 'link-to-secret'));
  await symlink('..', path.join(siteDir, 'link-to-parent'));
  await symlink('style.css', path.join(siteDir, 'alias.css'));
  return { root, siteDir, big, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A response read off a raw socket. */
export interface RawResponse {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/**
 * Sends `requestLine` and `headers` exactly as written (no URL normalisation) and reads the
 * response until the server closes the connection.
 */
export function rawRequest(port: number, requestLine: string, headers: readonly string[] = []): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      if (split === -1) return reject(new Error(`no response head: ${JSON.stringify(raw)}`));
      const head = raw.slice(0, split);
      resolve({ status: Number(head.split(' ')[1]), head, body: raw.slice(split + 4) });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${requestLine}`));
    }, 2000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('error', (error) => {
      if (chunks.length > 0) return finish();
      clearTimeout(timer);
      reject(error);
    });
    socket.write([requestLine, 'Host: 127.0.0.1', 'Connection: close', ...headers, '', ''].join('\r\n'));
  });
}

/** A header line of a raw response, or undefined. */
export function headerOf(response: RawResponse, name: string): string | undefined {
  const prefix = `${name.toLowerCase()}:`;
  const line = response.head.split('\r\n').find((l) => l.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

/** Occupies a free port on 127.0.0.1 and returns it with a way to let it go. */
export async function occupyPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as net.AddressInfo;
  return { port, release: () => new Promise<void>((resolve) => blocker.close(() => resolve())) };
}
