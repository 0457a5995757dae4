import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeSources, encodeSources, isSourceTable } from '../../src/cache/codec.js';
import { metaOf } from '../../src/cache/lazy-article.js';
import type { CachedSource } from '../../src/cache/state.js';
import { makeArticle, type ArticleSpec } from '../helpers/article.js';

const ROOT = path.join(path.sep, 'trang', 'bao');
const CONTENT = path.join(ROOT, 'content');

function sourceOf(contentPath: string, overrides: Omit<ArticleSpec, 'contentPath'> & { extra?: Record<string, unknown> } = {}, onDisk = contentPath): CachedSource {
  const absolutePath = path.join(CONTENT, ...onDisk.split('/'));
  const { extra = {}, ...spec } = overrides;
  const article = { ...makeArticle({ contentPath, ...spec }), extra, source: { absolutePath, contentPath, displayPath: path.relative(ROOT, absolutePath).split(path.sep).join('/') } };
  return { meta: metaOf(article), stamp: '4651:1795947275469.48', hash: 'tFGGnDLRu6RIoodWxY8P4Ogq+gw=' };
}

describe('the cache codec', () => {
  it('gives back every field of every source, through the cache file bytes', () => {
    const sources = new Map([
      ['thoi-su/bai-mot.md', sourceOf('thoi-su/bai-mot.md', { title: 'Bài một', tags: ['thi đua'], extra: { nguồn: 'Báo tỉnh', số: 3 } })],
      ['van-hoa/le-hoi.md', sourceOf('van-hoa/le-hoi.md', { permalink: '/le-hoi/', aliases: ['/cu/le-hoi/'], draft: true })],
      // a file system that keeps names decomposed: the paths on disk are not the ones the content path gives
      ['xa-hoi/tết.md', sourceOf('xa-hoi/tết.md', {}, 'xa-hoi/tết.md'.normalize('NFD'))],
    ]);
    const table = v8.deserialize(v8.serialize(encodeSources(sources, CONTENT, ROOT)));
    expect(isSourceTable(table)).toBe(true);
    expect(decodeSources(table, CONTENT, ROOT)).toEqual(sources);
    expect(table.columns['source.absolutePath']).toEqual([null, null, path.join(CONTENT, 'xa-hoi', 'tết.md'.normalize('NFD'))]);
  });

  it('refuses tables whose columns are missing or of another length', () => {
    const table = encodeSources(new Map([['a.md', sourceOf('a.md')]]), CONTENT, ROOT);
    expect(isSourceTable({ ...table, count: 2 })).toBe(false);
    expect(isSourceTable({ count: 1, columns: { ...table.columns, hash: undefined } })).toBe(false);
    expect(isSourceTable('không phải bảng')).toBe(false);
  });
});
