import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { classifyChange } from '../../src/watch/changes.js';
import { fixturePath } from '../helpers/site.js';

const themed = resolveConfig({ root: fixturePath('themed') }, {}, path.join(fixturePath('themed'), 'bantin.config.json')).config;
const portal = resolveConfig({ root: fixturePath('portal') }, {}, null).config;
const at = (config: typeof themed, relative: string) => classifyChange(path.join(config.root, relative), config);

describe('classifyChange', () => {
  it('tells articles, content files, templates, theme assets, static files and config apart', () => {
    expect(at(themed, 'content/xa-hoi/bai.md')).toEqual({ kind: 'article', name: 'xa-hoi/bai.md' });
    expect(at(themed, 'content/xa-hoi/anh/trao-qua.png')).toEqual({ kind: 'asset', name: 'xa-hoi/anh/trao-qua.png' });
    expect(at(themed, 'templates/article.njk')).toEqual({ kind: 'template', name: 'article.njk' });
    expect(at(themed, 'templates/assets/bantin.css')).toEqual({ kind: 'static', name: 'assets/bantin.css' });
    expect(at(themed, 'static/robots.txt')).toEqual({ kind: 'static', name: 'robots.txt' });
    expect(at(themed, 'bantin.config.json')).toEqual({ kind: 'config', name: 'bantin.config.json' });
    expect(classifyChange(path.join(themed.templateDirs[1]!, 'base.njk'), themed)).toEqual({ kind: 'template', name: 'base.njk' });
  });

  it('ignores the output folder, hidden files, editor backups and _ folders', () => {
    for (const relative of ['dist/index.html', 'content/.#bai.md', 'content/bai.md~', 'content/.bai.md.swp', 'content/_tac-gia/a.md', 'README.md']) {
      expect(at(themed, relative)).toEqual({ kind: 'ignored', name: '' });
    }
  });

  it('treats a templates/ or static/ folder that appears after start, or a new config file, as a config change', () => {
    expect(at(portal, 'templates/article.njk')).toEqual({ kind: 'config', name: 'templates' });
    expect(at(portal, 'static/robots.txt')).toEqual({ kind: 'config', name: 'static' });
    expect(at(portal, 'bantin.config.mjs')).toEqual({ kind: 'config', name: 'bantin.config.mjs' });
  });
});
