/** Path, under the base path, of the Server-Sent Events stream that tells pages to reload. */
export const EVENTS_PATH = '/__bantin/events';

/** The inline script that reloads the page when the dev server sends a `reload` event. */
export function liveReloadScript(eventsUrl: string): string {
  // JSON keeps the URL a valid JS string; escaping '<' keeps it from closing the script element.
  const url = JSON.stringify(eventsUrl).replace(/</g, '\\u003c');
  return (
    '<script>(function(){if(!window.EventSource)return;' +
    `var s=new EventSource(${url});` +
    's.addEventListener("reload",function(){s.close();location.reload();});})();</script>'
  );
}

const BODY_OPEN = /<body(?:\s[^>]*)?>/i;
const BODY_CLOSE = /<\/body\s*>/gi;

/** Where `</body>` (its last occurrence) starts, or the end of the page when there is none. */
function bodyCloseIndex(html: string): number {
  let index = html.length;
  for (const match of html.matchAll(BODY_CLOSE)) index = match.index;
  return index;
}

/**
 * A page as the dev server sends it: the overlay (when given) right after `<body…>`, the reload
 * script just before `</body>`. Without those tags, both go at the end.
 */
export function injectDevHtml(html: string, script: string, overlay: string | null): string {
  const closeAt = bodyCloseIndex(html);
  const withScript = `${html.slice(0, closeAt)}${script}${html.slice(closeAt)}`;
  if (overlay === null) return withScript;
  const open = BODY_OPEN.exec(withScript);
  if (open === null || open.index >= closeAt) {
    return `${withScript.slice(0, closeAt)}${overlay}${withScript.slice(closeAt)}`;
  }
  const afterOpen = open.index + open[0].length;
  return `${withScript.slice(0, afterOpen)}${overlay}${withScript.slice(afterOpen)}`;
}
