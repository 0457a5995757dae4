import MarkdownIt from 'markdown-it';

/** Turns an article's Markdown body into HTML; `resolveImage` maps each image reference to its URL. */
export type MarkdownRenderer = (markdown: string, resolveImage?: (src: string) => string) => string;

/**
 * A Markdown renderer for article bodies. Images go through the caller's resolver, then
 * root-relative links and images ("/thoi-su/…") get the site's base path, so content links keep
 * working when the site lives below a domain's root.
 */
export function createMarkdownRenderer(options: { basePath: string }): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  const prefix = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? options.basePath + url : url);
  md.core.ruler.push('bantin_urls', (state) => {
    const resolveImage = (state.env as RenderEnv).resolveImage ?? ((src: string) => src);
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type === 'link_open') token.attrSet('href', prefix(String(token.attrGet('href') ?? '')));
        if (token.type === 'image') token.attrSet('src', prefix(resolveImage(String(token.attrGet('src') ?? ''))));
      }
    }
  });
  return (markdown, resolveImage) => md.render(markdown, { resolveImage } satisfies RenderEnv);
}

interface RenderEnv {
  resolveImage?: ((src: string) => string) | undefined;
}
