import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../src/serve/content-type.js';
import { folderRedirectLocation, parseRequestTarget } from '../../src/serve/request-target.js';
import { resolveSiteFile } from '../../src/serve/site-file.js';
import { isInsideFolder } from '../../src/fs-path.js';
import { makeTempSite, type TempSite } from './helpers.js';

describe('parseRequestTarget', () => {
  it('splits off the query, strips the base path and decodes once', () => {
    expect(parseRequestTarget('/bao/tin%20t%E1%BB%A9c/?a=1', '/bao')).toEqual({
      kind: 'site',
      rawPath: '/tin%20t%E1%BB%A9c/',
      decodedPath: '/tin tức/',
      query: '?a=1',
    });
    expect(parseRequestTarget('/bao', '/bao')).toEqual({ kind: 'site', rawPath: '', decodedPath: '', query: '' });
    expect(parseRequestTarget('/%252e%252e/x', '')).toEqual({ kind: 'site', rawPath: '/%252e%252e/x', decodedPath: '/%2e%2e/x', query: '' });
  });

  it('puts paths outside the base path apart', () => {
    expect(parseRequestTarget('/baox/', '/bao')).toEqual({ kind: 'outside-base' });
    expect(parseRequestTarget('/', '/bao')).toEqual({ kind: 'outside-base' });
  });

  it.each([
    ['http://evil/', 'chỉ nhận đường dẫn bắt đầu bằng /'],
    ['*', 'chỉ nhận đường dẫn bắt đầu bằng /'],
    ['/%E0%A4%A', 'mã %xx không hợp lệ'],
    ['/a\\b', 'dấu \\ trong đường dẫn'],
    ['/a%5Cb', 'dấu \\ trong đường dẫn'],
    ['/a%00', 'NUL trong đường dẫn'],
    ['/a/%2e/b', 'đoạn . hoặc .. trong đường dẫn'],
    ['/a/%2E%2E', 'đoạn . hoặc .. trong đường dẫn'],
    ['/%2F%2Fevil.example/', 'đoạn rỗng (//) trong đường dẫn'],
  ])('refuses %s', (target, reason) => {
    expect(parseRequestTarget(target, '')).toEqual({ kind: 'invalid', reason });
  });

  it('refuses a base path followed by an encoded climb', () => {
    expect(parseRequestTarget('/bao/%2e%2e/x', '/bao')).toEqual({ kind: 'invalid', reason: 'đoạn . hoặc .. trong đường dẫn' });
  });
});

describe('folderRedirectLocation', () => {
  it('re-encodes the path and keeps only a plain-ASCII query', () => {
    expect(folderRedirectLocation('/bao', '/tin tức', '?a=1')).toBe('/bao/tin%20t%E1%BB%A9c/?a=1');
    expect(folderRedirectLocation('/bao', '', '')).toBe('/bao/');
    expect(folderRedirectLocation('', '/a', '?x=\r\nSet-Cookie: y')).toBe('/a/');
  });
});

describe('resolveSiteFile', () => {
  let site: TempSite;
  beforeAll(async () => {
    site = await makeTempSite();
  });
  afterAll(async () => {
    await site.remove();
  });

  it('finds files, folder indexes and folders that need a slash', async () => {
    expect(await resolveSiteFile(site.siteDir, '/style.css')).toEqual({ kind: 'file', path: path.join(site.siteDir, 'style.css') });
    expect(await resolveSiteFile(site.siteDir, '/a/b/')).toEqual({ kind: 'file', path: path.join(site.siteDir, 'a', 'b', 'index.html') });
    expect(await resolveSiteFile(site.siteDir, '/a/b')).toEqual({ kind: 'folder' });
    expect(await resolveSiteFile(site.siteDir, '')).toEqual({ kind: 'folder' });
  });

  it('reports missing files, folders without index.html and files asked with a slash', async () => {
    for (const url of ['/nope.html', '/empty/', '/style.css/', '/style.css/x']) {
      expect(await resolveSiteFile(site.siteDir, url), url).toEqual({ kind: 'missing' });
    }
    expect(await resolveSiteFile(path.join(site.root, 'no-build-yet'), '/')).toEqual({ kind: 'missing' });
  });

  it('refuses lexical climbs and symlinks that lead outside, even when called directly', async () => {
    expect(await resolveSiteFile(site.siteDir, '/../secret.txt')).toEqual({ kind: 'outside' });
    expect(await resolveSiteFile(site.siteDir, '/link-to-secret')).toEqual({ kind: 'outside' });
    expect(await resolveSiteFile(site.siteDir, '/link-to-parent/')).toEqual({ kind: 'outside' });
  });

  it('tells inside from outside by path segments, not by string prefix', () => {
    expect(isInsideFolder('/srv/site', '/srv/site')).toBe(true);
    expect(isInsideFolder('/srv/site', '/srv/site/..foo')).toBe(true);
    expect(isInsideFolder('/srv/site', '/srv/site-old/x')).toBe(false);
    expect(isInsideFolder('/srv/site', '/srv')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['logo.svg', 'image/svg+xml; charset=utf-8'],
    ['ANH.JPG', 'image/jpeg'],
    ['font.woff2', 'font/woff2'],
    ['a.avif', 'image/avif'],
    ['data.bin', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
