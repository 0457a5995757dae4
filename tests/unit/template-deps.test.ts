import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/config/resolve.js';
import { ANY_TEMPLATE, pageTemplatesUsing, templateDependencies } from '../../src/watch/template-deps.js';

describe('templateDependencies', () => {
  it('follows extends, include, import and from through the built-in theme', () => {
    const deps = templateDependencies(['article.njk', 'month.njk', 'redirect.njk'], [BUILTIN_TEMPLATES]);
    expect([...deps.get('article.njk')!].sort()).toEqual(['_day-picker.njk', '_macros.njk', 'article.njk', 'base.njk']);
    expect([...deps.get('redirect.njk')!]).toEqual(['redirect.njk']);
    expect(pageTemplatesUsing(new Set(['_macros.njk']), deps)).toEqual(new Set(['article.njk', 'month.njk']));
    expect(pageTemplatesUsing(new Set(['redirect.njk']), deps)).toEqual(new Set(['redirect.njk']));
  });

  it('resolves names in the site folder first, and treats a computed include as using everything', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'bantin-templates-'));
    await writeFile(path.join(site, 'article.njk'), '{% extends "layout.njk" %}{% include partial %}');
    await writeFile(path.join(site, 'layout.njk'), '<main>{% block main %}{% endblock %}</main>');
    const deps = templateDependencies(['article.njk', 'home.njk'], [site, BUILTIN_TEMPLATES]);
    expect([...deps.get('article.njk')!].sort()).toEqual([ANY_TEMPLATE, 'article.njk', 'layout.njk']);
    expect(pageTemplatesUsing(new Set(['anything.njk']), deps)).toEqual(new Set(['article.njk']));
  });
});
