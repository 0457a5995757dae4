import MarkdownIt from 'markdown-it';

/** Turns an article's Markdown body into HTML. */
export type MarkdownRenderer = (markdown: string) => string;

/**
 * A Markdown renderer for article bodies. Root-relative links and images ("/thoi-su/…") get the
 * site's base path, so content links keep working when the site lives below a domain's root.
 */
export function createMarkdownRenderer(options: { basePath: string }): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  if (options.basePath !== '') prefixRootRelative(md, options.basePath);
  return (markdown) => md.render(markdown);
}

function prefixRootRelative(md: InstanceType<typeof MarkdownIt>, basePath: string): void {
  const prefix = (url: string | number | null): string =>
    typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? basePath + url : String(url ?? '');
  md.core.ruler.push('bantin_base_path', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type === 'link_open') token.attrSet('href', prefix(token.attrGet('href')));
        if (token.type === 'image') token.attrSet('src', prefix(token.attrGet('src')));
      }
    }
  });
}
