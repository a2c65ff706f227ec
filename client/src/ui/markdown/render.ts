import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";

/**
 * Markdown as the composer promises it, parsed by markdown-it with raw HTML off (`<script>` stays
 * text), bare URLs linked, no images (a remote image would tell its server who read the alert and
 * when), and only http, https and mailto links (no javascript:, data:, vbscript:, file:).
 * We take markdown-it's token stream, not its HTML: React builds the elements (see Markdown.tsx),
 * so nothing reaches innerHTML.
 */
// `breaks`: a line break typed in a message (Shift+Enter) shows as one, as in other chat clients.
const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });
md.disable(["image"]);
md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

export function markdownTokens(source: string): Token[] {
  return md.parse(source, {});
}

/** The tags a card may show: markdown-it only produces these, and anything else is dropped as text. */
export const ALLOWED_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "code",
  "hr",
  "br",
  "strong",
  "em",
  "s",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);
