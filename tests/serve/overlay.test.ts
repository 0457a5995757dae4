import { describe, expect, it } from 'vitest';
import { injectDevHtml, liveReloadScript } from '../../src/serve/html-inject.js';
import { escapeHtml } from '../../src/html.js';
import { formatProblem, renderOverlay } from '../../src/serve/overlay.js';

/** The overlay's text as a reader sees it: tags dropped, entities left as written. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '|').replace(/\|+/g, '|');
}

describe('renderOverlay', () => {
  it('escapes every editor-supplied text, including a <script> in a message', () => {
    const html = renderOverlay([
      { file: 'content/"a".md', line: 3, field: 'tiêu_đề', message: '<script>alert(1)</script> & more', hint: "Viết 'x' <b>" },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(visibleText(html)).toBe(
      '|×|Lỗi khi dựng trang|content/&quot;a&quot;.md:3: tiêu_đề: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more' +
        '|Gợi ý: Viết &#39;x&#39; &lt;b&gt;|',
    );
  });

  it('is a fixed, scrollable, monospace box with a red border, on top, that a button hides', () => {
    const html = renderOverlay([{ message: 'hỏng' }]);
    const style = /^<div id="bantin-overlay" role="alert" style="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(style.split(';')).toEqual(
      expect.arrayContaining(['position:fixed', 'top:0', 'z-index:2147483647', 'overflow:auto', 'border:3px solid #d32f2f']),
    );
    expect(style).toContain('monospace');
    expect(html).toContain(`onclick="this.parentNode.style.display='none'">×</button>`);
    expect(html.match(/<li /g)).toHaveLength(1);
  });

  it('lists one item per problem, in order', () => {
    const html = renderOverlay([{ message: 'một' }, { file: 'b.md', message: 'hai' }]);
    expect(visibleText(html)).toBe('|×|Lỗi khi dựng trang|một|b.md: hai|');
  });
});

describe('formatProblem and escapeHtml', () => {
  it('writes file:line: field: message, leaving out what is unknown', () => {
    expect(formatProblem({ file: 'content/a.md', line: 7, field: 'thời_gian', message: 'sai ngày' })).toBe('content/a.md:7: thời_gian: sai ngày');
    expect(formatProblem({ file: 'bantin.config.json', message: 'hỏng' })).toBe('bantin.config.json: hỏng');
    expect(formatProblem({ field: 'baseUrl', message: 'hỏng' })).toBe('baseUrl: hỏng');
    expect(formatProblem({ message: 'hỏng' })).toBe('hỏng');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('injectDevHtml', () => {
  const script = '<script>R</script>';

  it('puts the script before the last </body> and the overlay after <body…>', () => {
    const page = '<html><BODY class="x"><p>a</p></Body ></html>';
    expect(injectDevHtml(page, script, null)).toBe('<html><BODY class="x"><p>a</p><script>R</script></Body ></html>');
    expect(injectDevHtml(page, script, '<div>O</div>')).toBe(
      '<html><BODY class="x"><div>O</div><p>a</p><script>R</script></Body ></html>',
    );
  });

  it('appends both at the end of a page without body tags, and does not mistake <bodyguard>', () => {
    expect(injectDevHtml('<p>a</p>', script, '<div>O</div>')).toBe('<p>a</p><div>O</div><script>R</script>');
    expect(injectDevHtml('<bodyguard>a', script, null)).toBe('<bodyguard>a<script>R</script>');
  });

  it('builds a reload script whose URL cannot close the script element', () => {
    expect(liveReloadScript('/b</script>/__bantin/events')).toBe(
      '<script>(function(){if(!window.EventSource)return;var s=new EventSource("/b\\u003c/script>/__bantin/events");' +
        's.addEventListener("reload",function(){s.close();location.reload();});})();</script>',
    );
  });
});
