import MarkdownIt from 'markdown-it';

/** A link written in an article body: its target as written and the line of the body it is on (0-based). */
export interface BodyLink {
  readonly href: string;
  readonly bodyLine: number;
}

/**
 * Turns an article's Markdown body into HTML; `resolveImage` maps each image reference to its URL,
 * and `links`, when given, receives every link the body makes.
 */
export type MarkdownRenderer = (markdown: string, resolveImage?: (src: string) => string, links?: BodyLink[]) => string;

/**
 * A Markdown renderer for article bodies. Images go through the caller's resolver, then
 * root-relative links and images ("/thoi-su/…") get the site's base path, so content links keep
 * working when the site lives below a domain's root.
 */
export function createMarkdownRenderer(options: { basePath: string }): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  const prefix = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? options.basePath + url : url);
  md.core.ruler.push('bantin_urls', (state) => {
    const env = state.env as RenderEnv;
    const resolveImage = env.resolveImage ?? ((src: string) => src);
    for (const block of state.tokens) {
      let line = block.map?.[0] ?? 0;
      for (const token of block.children ?? []) {
        if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
        const href = String(token.attrGet('href') ?? '');
        if (token.type === 'link_open') env.links?.push({ href, bodyLine: line });
        if (token.type === 'link_open') token.attrSet('href', prefix(href));
        if (token.type === 'image') token.attrSet('src', prefix(resolveImage(String(token.attrGet('src') ?? ''))));
      }
    }
  });
  return (markdown, resolveImage, links) => md.render(markdown, { resolveImage, links } satisfies RenderEnv);
}

interface RenderEnv {
  resolveImage?: ((src: string) => string) | undefined;
  links?: BodyLink[] | undefined;
}
