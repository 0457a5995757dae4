import MarkdownIt from 'markdown-it';

/** A link written in an article body: its target as written and the line of the body it is on (0-based). */
export interface BodyLink {
  readonly href: string;
  readonly bodyLine: number;
}

/** What a caller wants from one render besides the HTML. */
export interface RenderOptions {
  /** Maps each image reference to its URL. */
  readonly resolveImage?: ((src: string) => string) | undefined;
  /** Receives every link the body makes. */
  readonly links?: BodyLink[] | undefined;
  /** Receives the body's text without markup, a piece per block (for the search index). */
  readonly text?: string[] | undefined;
}

/** Turns an article's Markdown body into HTML. */
export type MarkdownRenderer = (markdown: string, options?: RenderOptions) => string;

/**
 * A Markdown renderer for article bodies. Images go through the caller's resolver, then
 * root-relative links and images ("/thoi-su/…") get the site's base path, so content links keep
 * working when the site lives below a domain's root.
 */
export function createMarkdownRenderer(options: { basePath: string }): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  const prefix = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? options.basePath + url : url);
  md.core.ruler.push('bantin_urls', (state) => {
    const env = state.env as RenderOptions;
    const resolveImage = env.resolveImage ?? ((src: string) => src);
    for (const block of state.tokens) {
      let line = block.map?.[0] ?? 0;
      if (env.text && (block.type === 'code_block' || block.type === 'fence')) env.text.push(block.content);
      if (env.text && block.type === 'inline') env.text.push(plainText(block.children ?? []));
      for (const token of block.children ?? []) {
        if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
        const href = String(token.attrGet('href') ?? '');
        if (token.type === 'link_open') env.links?.push({ href, bodyLine: line });
        if (token.type === 'link_open') token.attrSet('href', prefix(href));
        if (token.type === 'image') token.attrSet('src', prefix(resolveImage(String(token.attrGet('src') ?? ''))));
      }
    }
  });
  return (markdown, options = {}) => md.render(markdown, { ...options });
}

/** The words of an inline run: text, code and image descriptions, without markup. */
function plainText(children: readonly { type: string; content: string }[]): string {
  let text = '';
  for (const token of children) {
    if (token.type === 'text' || token.type === 'code_inline' || token.type === 'image') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
  }
  return text;
}

const textParser = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** An article body's words without markup, a line per block: what the search index reads. */
export function plainTextOf(markdown: string): string {
  const pieces: string[] = [];
  for (const block of textParser.parse(markdown, {})) {
    if (block.type === 'code_block' || block.type === 'fence') pieces.push(block.content);
    if (block.type === 'inline') pieces.push(plainText(block.children ?? []));
  }
  return pieces.join('\n');
}
