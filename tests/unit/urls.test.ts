import { describe, expect, it } from 'vitest';
import { ARCHIVE_URL, NOT_FOUND_URL, articleUrl, categoryUrl, dayUrl, monthUrl, outputPathOf, yearUrl } from '../../src/model/urls.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle as makeArticleFrom } from '../helpers/article.js';

function makeArticle(categorySlug: string, slug: string, permalink: string | null = null): Article {
  return makeArticleFrom({ contentPath: `${slug}.md`, category: categorySlug, slug, permalink });
}

describe('article URLs', () => {
  it('is /<category-slug>/<slug>/ by default', () => {
    expect(articleUrl(makeArticle('thoi-su', 'so-ket-phong-trao'))).toBe('/thoi-su/so-ket-phong-trao/');
    expect(articleUrl(makeArticle('the-thao', 'doi-tuyen'))).toBe('/the-thao/doi-tuyen/');
  });

  it('is the permalink when one is set', () => {
    expect(articleUrl(makeArticle('thoi-su', 'so-ket', '/tin-tuc/12345/'))).toBe('/tin-tuc/12345/');
    expect(articleUrl(makeArticle('thoi-su', 'so-ket', '/tin-tuc/12345.html'))).toBe('/tin-tuc/12345.html');
  });
});

describe('listing URLs', () => {
  it('gives category pages, the first without a page number', () => {
    expect(categoryUrl('thoi-su')).toBe('/thoi-su/');
    expect(categoryUrl('thoi-su', 1)).toBe('/thoi-su/');
    expect(categoryUrl('thoi-su', 2)).toBe('/thoi-su/trang/2/');
    expect(categoryUrl('doi-song', 12)).toBe('/doi-song/trang/12/');
  });

  it('gives zero-padded day, month and year pages', () => {
    expect(dayUrl(2024, 9, 13)).toBe('/2024/09/13/');
    expect(dayUrl(2024, 1, 5)).toBe('/2024/01/05/');
    expect(dayUrl(2024, 12, 31)).toBe('/2024/12/31/');
    expect(monthUrl(2024, 9)).toBe('/2024/09/');
    expect(monthUrl(2024, 11)).toBe('/2024/11/');
    expect(yearUrl(2024)).toBe('/2024/');
    expect(yearUrl(1999)).toBe('/1999/');
  });

  it('has fixed archive and 404 URLs', () => {
    expect(ARCHIVE_URL).toBe('/luu-tru/');
    expect(NOT_FOUND_URL).toBe('/404.html');
  });
});

describe('outputPathOf', () => {
  it.each([
    ['/', 'index.html'],
    ['/thoi-su/', 'thoi-su/index.html'],
    ['/thoi-su/so-ket/', 'thoi-su/so-ket/index.html'],
    ['/thoi-su/trang/2/', 'thoi-su/trang/2/index.html'],
    ['/2024/09/13/', '2024/09/13/index.html'],
    ['/luu-tru/', 'luu-tru/index.html'],
    ['/404.html', '404.html'],
    ['/tin-tuc/12345.html', 'tin-tuc/12345.html'],
    ['/tin-tuc/12345/', 'tin-tuc/12345/index.html'],
  ])('%j → %j', (url, path) => {
    expect(outputPathOf(url)).toBe(path);
  });
});
