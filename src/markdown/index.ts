import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Link schemes kept in article bodies: everything else (javascript:, data:, vbscript:) is dropped. */
const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/**
 * Raw HTML in bodies, by default: the tags of ordinary article text (paragraphs, headings, lists,
 * tables, quotes, figures, images, links); scripts, styles, event handlers, forms and frames go.
 */
export const ARTICLE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'picture', 'source'],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding', 'srcset', 'sizes'],
    source: ['srcset', 'sizes', 'type', 'media', 'width', 'height'],
    code: ['class'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  // void elements: written <source … />, never given an end tag
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
};

/** Raw HTML in bodies of a site that trusts its editors fully: kept as written, but for unsafe link schemes. */
const TRUSTED_HTML: sanitizeHtml.IOptions = { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, allowedSchemes: SAFE_SCHEMES, selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'] };

/** A link written in an article body: its target as written and the line of the body it is on (0-based). */
export interface BodyLink {
  readonly href: string;
  readonly bodyLine: number;
}

/** An image written in an article body: its source as written, its description and the line of the body it is on (0-based). */
export interface BodyImage {
  readonly src: string;
  readonly alt: string;
  readonly bodyLine: number;
}

/** What a caller wants from one render besides the HTML. */
export interface RenderOptions {
  /** Maps each image reference to its URL. */
  readonly resolveImage?: ((src: string) => string) | undefined;
  /**
   * HTML to write in place of an image's `<img>` (a `<picture>`), given its source as written
   * (as `imageReferences` lists it) and its description; undefined keeps the `<img>`. The HTML
   * still goes through the body's raw HTML policy.
   */
  readonly renderImage?: ((src: string, alt: string) => string | undefined) | undefined;
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
export function createMarkdownRenderer(options: { basePath: string; trustedHtml?: boolean }): MarkdownRenderer {
  const policy = options.trustedHtml ? TRUSTED_HTML : ARTICLE_HTML;
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false, xhtmlOut: true });
  const prefix = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? options.basePath + url : url);
  md.core.ruler.push('bantin_urls', (state) => {
    const env = state.env as unknown as RenderOptions & PolicyNeed;
    env.needsPolicy = needsPolicy(state.tokens);
    const resolveImage = env.resolveImage ?? ((src: string) => src);
    const onBlock = (block: Token) => {
      if (env.text && (block.type === 'code_block' || block.type === 'fence')) env.text.push(block.content);
      if (env.text && block.type === 'inline') env.text.push(plainText(block.children ?? []));
    };
    forEachBlock(state.tokens, onBlock, (token, line) => {
      const href = String(token.attrGet('href') ?? '');
      if (token.type === 'link_open') env.links?.push({ href, bodyLine: line });
      if (token.type === 'link_open') token.attrSet('href', prefix(href));
      if (token.type !== 'image') return;
      // the source as written, for renderImage: the key imageReferences lists it under
      const src = String(token.attrGet('src') ?? '');
      token.meta = { ...token.meta, writtenSrc: src };
      token.attrSet('src', prefix(resolveImage(src)));
    });
  });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, mdOptions, env, self) => {
    const token = tokens[idx]!;
    const written: unknown = token.meta?.writtenSrc;
    const renderImage = (env as RenderOptions | undefined)?.renderImage;
    const html = renderImage && typeof written === 'string' ? renderImage(written, self.renderInlineAsText(token.children ?? [], mdOptions, env)) : undefined;
    if (html === undefined) return defaultImage(tokens, idx, mdOptions, env, self);
    (env as unknown as PolicyNeed).needsPolicy = true; // the caller's HTML goes through the policy like raw HTML
    return html;
  };
  return (markdown, renderOptions = {}) => {
    const env: RenderOptions & PolicyNeed = { ...renderOptions, needsPolicy: true };
    const html = md.render(markdown, env as unknown as Record<string, unknown>);
    return env.needsPolicy ? sanitizeHtml(html, policy) : html;
  };
}

/** Set while rendering: whether the HTML must go through the raw HTML policy. */
interface PolicyNeed {
  needsPolicy: boolean;
}

/** A URL's scheme ("javascript"), lowercased; '' for a relative URL. */
function schemeOf(url: string): string {
  return /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
}

/**
 * Whether a body's HTML needs the raw HTML policy. markdown-it escapes every text and attribute it
 * writes, so a body without raw HTML is safe as rendered, unless it links to a scheme the policy
 * refuses (markdown-it lets ftp: or a custom scheme through) or aligns table cells (a style
 * attribute). Images the caller's renderImage writes are checked as they are rendered.
 */
function needsPolicy(blocks: readonly Token[]): boolean {
  for (const block of blocks) {
    if (block.type === 'html_block') return true;
    if ((block.type === 'th_open' || block.type === 'td_open') && block.attrGet('style') !== null) return true;
    for (const token of block.children ?? []) {
      if (token.type === 'html_inline') return true;
      if (token.type === 'link_open' && !SAFE_SCHEMES.includes(schemeOf(String(token.attrGet('href'))) || 'http')) return true;
      if (token.type === 'image' && !['', 'http', 'https'].includes(schemeOf(String(token.attrGet('src'))))) return true;
    }
  }
  return false;
}

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/**
 * Calls `onBlock` for each block token and `onInline` for each inline token with the body line it
 * is on (0-based). Table cells have no line of their own: they are on their row's.
 */
function forEachBlock(blocks: readonly Token[], onBlock: (block: Token) => void, onInline: (token: Token, line: number) => void): void {
  let blockLine = 0;
  for (const block of blocks) {
    blockLine = block.map?.[0] ?? blockLine;
    onBlock(block);
    let line = blockLine;
    for (const token of block.children ?? []) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
      onInline(token, line);
    }
  }
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

/**
 * The text parser, but inline Markdown is parsed only in blocks that hold a "![": an image can
 * come from nowhere else, and the blocks (code, HTML, reference definitions) are parsed as ever.
 */
const imageParser = new MarkdownIt({ html: true, linkify: false, typographer: false });
imageParser.core.ruler.at('inline', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.content.includes('![')) state.md.inline.parse(token.content, state.md, state.env, (token.children ??= []));
  }
});

/**
 * The images of an article body, in order, with their sources exactly as the renderer sees them
 * (markdown-it percent-encodes "ảnh.jpg"), so they can be processed before the body is rendered.
 * Images written as raw HTML (`<img src>`) are not listed.
 */
export function imageReferences(markdown: string): BodyImage[] {
  const images: BodyImage[] = [];
  // every image, inline or by reference, starts with "![": without one there is nothing to parse
  if (!markdown.includes('![')) return images;
  forEachBlock(imageParser.parse(markdown, {}), () => {}, (token, line) => {
    if (token.type === 'image') images.push({ src: String(token.attrGet('src') ?? ''), alt: plainText(token.children ?? []), bodyLine: line });
  });
  return images;
}
