import { createElement, type ReactNode } from "react";
import type { Token } from "markdown-it";
import { ALLOWED_TAGS, markdownTokens } from "./render.js";

type Frame = { tag: string; attrs: Record<string, string>; children: ReactNode[] };

/** Props React may set for a tag: a link's (already validated) href, opened apart from Enlace; a list's start. */
function propsOf(t: Token): Record<string, string> {
  if (t.tag === "a") {
    const href = t.attrGet("href");
    return href ? { href: String(href), target: "_blank", rel: "noopener noreferrer" } : {};
  }
  if (t.tag === "ol" && t.attrGet("start")) return { start: String(t.attrGet("start")) };
  return {};
}

/** Folds markdown-it's open/close tokens into React elements; text is always a text node. */
function build(tokens: Token[], top: Frame) {
  const stack: Frame[] = [top];
  const here = () => stack[stack.length - 1];
  const leaf = (tag: string, children?: ReactNode) => {
    const f = here();
    f.children.push(createElement(tag, { key: f.children.length }, children));
  };
  for (const t of tokens) {
    if (t.type === "inline") build(t.children ?? [], here());
    else if (t.type === "text") here().children.push(t.content);
    else if (t.type === "code_inline") leaf("code", t.content);
    else if (t.type === "code_block" || t.type === "fence") leaf("pre", createElement("code", null, t.content));
    // render.ts turns `breaks` on: a single line break is a break, as markdown-it's own renderer would make it.
    else if (t.type === "softbreak") {
      leaf("br");
      here().children.push("\n");
    } else if (t.type === "hardbreak") leaf("br");
    else if (t.type === "hr") leaf("hr");
    // Tight lists hide their paragraphs: the text goes straight into the item.
    else if (t.hidden && t.nesting !== 0) continue;
    else if (t.nesting === 1) stack.push({ tag: t.tag, attrs: propsOf(t), children: [] });
    else if (t.nesting === -1 && stack.length > 1) {
      const f = stack.pop()!;
      const parent = here();
      // With the image rule off, "![](url)" reads as "!" and a link without text: an invisible
      // link is dropped. A tag outside the list (none today) keeps its text and loses its element.
      if (f.tag === "a" && f.children.length === 0) continue;
      if (ALLOWED_TAGS.has(f.tag)) parent.children.push(createElement(f.tag, { key: parent.children.length, ...f.attrs }, ...f.children));
      else parent.children.push(...f.children);
    } else if (t.content) here().children.push(t.content);
  }
  // Unclosed frames (markdown-it always closes them) still show their text.
  while (stack.length > 1) {
    const f = stack.pop()!;
    here().children.push(...f.children);
  }
}

/** Markdown rendered safely (see render.ts). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const root: Frame = { tag: "div", attrs: {}, children: [] };
  build(markdownTokens(source), root);
  return createElement("div", { className: className ? `markdown ${className}` : "markdown" }, ...root.children);
}
