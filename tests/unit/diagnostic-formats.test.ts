import { describe, expect, it } from 'vitest';
import { toGithubAnnotation, toJsonLine } from '../../src/commands/diagnostic-formats.js';
import { error, warning } from '../../src/diagnostics.js';

describe('GitHub annotations', () => {
  it('name the file, line and field, with the hint on a second line', () => {
    const d = error('"31/02/2024": 2/2024 has no day 31', { file: 'content/thoi-su/a.md', line: 4, field: 'date', hint: 'Accepted formats: 13/09/2024, 2024-09-13' });
    expect(toGithubAnnotation(d)).toBe('::error file=content/thoi-su/a.md,line=4,title=bantin%3A date::"31/02/2024": 2/2024 has no day 31%0AAccepted formats: 13/09/2024, 2024-09-13');
  });

  it('escape commas and colons in properties, percent signs and newlines in the message', () => {
    const d = warning('100% done\r\nnext', { file: 'content/a,b:c.md', column: 2 });
    expect(toGithubAnnotation(d)).toBe('::warning file=content/a%2Cb%3Ac.md,col=2,title=bantin::100%25 done%0D%0Anext');
  });
});

describe('JSON lines', () => {
  it('give every field, null when unknown', () => {
    expect(JSON.parse(toJsonLine(error('is missing', { file: 'content/a.md', line: 1, field: 'category' })))).toEqual({
      severity: 'error', file: 'content/a.md', line: 1, column: null, field: 'category', message: 'is missing', hint: null,
    });
  });
});
