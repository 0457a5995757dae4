import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { fixturePath } from '../helpers/site.js';

const resolve = (authors: unknown) => resolveConfig({ root: fixturePath('tags-authors') }, { authors }, null);

describe('the authors config', () => {
  it('keeps author profiles, in NFC, frozen', () => {
    const { config, diagnostics } = resolve({ ['Thu Hoài'.normalize('NFD')]: { bio: 'Phóng viên'.normalize('NFD'), photo: '/anh/thu-hoai.jpg' }, 'Ngọc Anh': {} });
    expect(diagnostics).toEqual([]);
    expect(config.authors).toEqual({ 'Thu Hoài': { bio: 'Phóng viên', photo: '/anh/thu-hoai.jpg' }, 'Ngọc Anh': {} });
    expect(Object.isFrozen(config.authors)).toBe(true);
  });

  it('is empty by default', () => {
    expect(resolveConfig({ root: fixturePath('tags-authors') }, {}, null).config.authors).toEqual({});
  });

  it('rejects anything but names mapped to text bio and photo', () => {
    for (const bad of [['Thu Hoài'], { 'Thu Hoài': 'bio' }, { 'Thu Hoài': { bio: 3 } }, { 'Thu Hoài': { email: 'a@b.vn' } }, { ' ': {} }, null]) {
      const { config, diagnostics } = resolve(bad);
      expect(diagnostics.map((d) => `${d.severity} ${d.field}: ${d.message}`)).toEqual(['error authors: must be an object of author names, each { "bio": "…", "photo": "/anh/…" }']);
      expect(config.authors).toEqual({});
    }
  });
});
