import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReloadChannel } from '../../src/serve/live-reload.js';
import { startDevServer, type DevServer, type DevServerOptions } from '../../src/serve/server.js';
import { UsageError } from '../../src/errors.js';
import { PAGES, RELOAD_SCRIPT, SECRET, headerOf, makeTempSite, occupyPort, rawRequest, type TempSite } from './helpers.js';

let site: TempSite;
let server: DevServer;
let overlayHtml: string | null = null;
const extraServers: DevServer[] = [];

function start(options: Partial<DevServerOptions> = {}): Promise<DevServer> {
  return startDevServer({ siteDir: site.siteDir, basePath: '', host: '127.0.0.1', port: 0, overlay: () => null, ...options });
}

function get(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}${pathAndQuery}`, { redirect: 'manual', ...init });
}

beforeAll(async () => {
  site = await makeTempSite();
  server = await start({ overlay: () => overlayHtml });
});

afterEach(async () => {
  overlayHtml = null;
  await Promise.all(extraServers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await server.close();
  await site.remove();
});

describe('serving files', () => {
  it('serves the home page with the reload script before </body>', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe(
      '<!doctype html><html><head><title>Trang chủ</title></head><body><h1>Tin mới</h1>' +
        `${RELOAD_SCRIPT}</body></html>`,
    );
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves a folder index at /a/b/ and redirects /a/b there, keeping the query', async () => {
    const page = await get('/a/b/');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(`<!doctype html><html><body class="bai"><h1>Bài viết</h1>${RELOAD_SCRIPT}</body></html>`);
    const redirect = await get('/a/b?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/a/b/?x=1');
  });

  it('serves CSS untouched as text/css, ignoring the query', async () => {
    const res = await get('/style.css?v=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toBe(PAGES.css);
  });

  it('streams a large binary file whole as application/octet-stream', async () => {
    const res = await get('/big.bin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-length')).toBe(String(site.big.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(site.big)).toBe(true);
  });

  it('decodes a percent-encoded Vietnamese file name once', async () => {
    const res = await get('/tin%20t%E1%BB%A9c.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(PAGES.vietnameseName);
  });

  it('follows a symlink that stays inside the site', async () => {
    const res = await get('/alias.css');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(PAGES.css);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(PAGES.index) + Buffer.byteLength(RELOAD_SCRIPT)));
    expect(await res.text()).toBe('');
  });

  it('answers unknown paths, a file asked as a folder and a folder without index.html with 404.html', async () => {
    const notFound = `<!doctype html><html><body><p>Không có trang này</p>${RELOAD_SCRIPT}</body></html>`;
    for (const url of ['/khong-co/', '/style.css/', '/empty/']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).toBe(notFound);
    }
  });
});

describe('refusing hostile requests', () => {
  it.each([
    ['/../secret.txt', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/%2E%2E%2Fsecret.txt', 400],
    ['/%252e%252e/secret.txt', 404],
    ['/..%5csecret.txt', 400],
    ['/a\\..\\..\\secret.txt', 400],
    ['/%00', 400],
    ['/%E0%A4%A', 400],
    ['//etc/passwd', 400],
    ['/./index.html', 400],
    ['/link-to-secret', 403],
    ['/link-to-parent/secret.txt', 403],
  ])('GET %s → %i, never the secret', async (target, status) => {
    const res = await rawRequest(server.port, `GET ${target} HTTP/1.1`);
    expect(res.status).toBe(status);
    expect(res.body).not.toContain(SECRET);
  });

  it('refuses POST with 405 and an Allow header', async () => {
    const res = await rawRequest(server.port, 'POST / HTTP/1.1', ['Content-Length: 0']);
    expect(res.status).toBe(405);
    expect(headerOf(res, 'allow')).toBe('GET, HEAD');
  });

  it('refuses an absolute-form request-target with 400', async () => {
    const res = await rawRequest(server.port, 'GET http://evil/ HTTP/1.1');
    expect(res.status).toBe(400);
    expect(res.body).toBe('Yêu cầu không hợp lệ: chỉ nhận đường dẫn bắt đầu bằng /\n');
  });

  it('refuses a 20 KB header with 431', async () => {
    const res = await rawRequest(server.port, 'GET / HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`]);
    expect(res.status).toBe(431);
  });
});

describe('live reload and the error overlay', () => {
  it('sends `event: reload` to an open event stream, and close() ends it', async () => {
    const own = await start();
    const res = await fetch(`${own.url}__bantin/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    own.reload();
    while (!received.includes('\n\nevent: reload')) received += decoder.decode((await reader.read()).value);
    expect(received).toBe('retry: 1000\n: bantin dev\n\nevent: reload\ndata: 1\n\n');
    await own.close();
    expect((await reader.read()).done).toBe(true);
  });

  it('keeps an idle event stream alive with comment lines', async () => {
    const channel = new ReloadChannel(20);
    const http = createServer((req, res) => channel.attach(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      while (!received.includes(': keep-alive\n\n')) received += decoder.decode((await reader.read()).value);
      expect(received.startsWith('retry: 1000\n: bantin dev\n\n: keep-alive\n\n')).toBe(true);
      expect(channel.size).toBe(1);
      channel.close();
      expect((await reader.read()).done).toBe(true);
    } finally {
      channel.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });

  it('injects the overlay right after <body…> while overlay() returns HTML, and not once it is null', async () => {
    overlayHtml = '<div id="bantin-overlay">LỖI</div>';
    const failing = await (await get('/a/b/')).text();
    expect(failing).toBe(
      '<!doctype html><html><body class="bai"><div id="bantin-overlay">LỖI</div><h1>Bài viết</h1>' +
        `${RELOAD_SCRIPT}</body></html>`,
    );
    const css = await (await get('/style.css')).text();
    expect(css).toBe(PAGES.css);
    overlayHtml = null;
    const fixed = await (await get('/a/b/')).text();
    expect(fixed).toBe(`<!doctype html><html><body class="bai"><h1>Bài viết</h1>${RELOAD_SCRIPT}</body></html>`);
  });
});

describe('base path and port', () => {
  it('serves /bao/ from the site folder and nothing outside /bao', async () => {
    const bao = await start({ basePath: '/bao' });
    extraServers.push(bao);
    const base = `http://127.0.0.1:${bao.port}`;
    expect(bao.url).toBe(`${base}/bao/`);
    const home = await fetch(`${base}/bao/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe(PAGES.index.replace('</body>', `${RELOAD_SCRIPT.replace('"/__bantin', '"/bao/__bantin')}</body>`));
    for (const url of ['/', '/baox/', '/index.html']) {
      const res = await fetch(`${base}${url}`, { redirect: 'manual' });
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).toContain('<p>Không có trang này</p>');
    }
    for (const [url, location] of [['/bao', '/bao/'], ['/bao/a/b', '/bao/a/b/']] as const) {
      const res = await fetch(`${base}${url}`, { redirect: 'manual' });
      expect(res.status, url).toBe(301);
      expect(res.headers.get('location'), url).toBe(location);
    }
  });

  it('answers with a small Vietnamese page, reload script included, before the first build', async () => {
    const empty = await start({ siteDir: path.join(site.root, 'chua-dung') });
    extraServers.push(empty);
    const res = await fetch(empty.url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(
      '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head>' +
        `<body><h1>Không tìm thấy trang</h1>${RELOAD_SCRIPT}</body></html>\n`,
    );
  });

  it('moves to the next port when the preferred one is taken', async () => {
    const blocker = await occupyPort();
    try {
      const next = await start({ port: blocker.port });
      extraServers.push(next);
      expect(next.port).toBeGreaterThan(blocker.port);
      expect(next.port).toBeLessThan(blocker.port + 20);
      expect((await fetch(next.url)).status).toBe(200);
    } finally {
      await blocker.release();
    }
  });

  it('gives a usage error when the host is not an address of this machine', async () => {
    await expect(start({ host: '192.0.2.1' })).rejects.toThrow(UsageError);
  });
});
