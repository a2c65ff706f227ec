import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "./Markdown.js";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe("Markdown in cards", () => {
  it("renders what the composer promises: bold, italic, lists, links that open apart", () => {
    expect(html("**Port closed** at *06:00*\n\n- Valparaíso\n- San Antonio")).toBe(
      '<div class="markdown"><p><strong>Port closed</strong> at <em>06:00</em></p><ul><li>Valparaíso</li><li>San Antonio</li></ul></div>',
    );
    expect(html("[CERT](https://csirt.gob.cl/a?b=1&c=2)")).toBe(
      '<div class="markdown"><p><a href="https://csirt.gob.cl/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">CERT</a></p></div>',
    );
    expect(html("[mail](mailto:soc@example.org)")).toContain('href="mailto:soc@example.org"');
  });

  it("raw HTML stays text: <script>, <img onerror>, <iframe>", () => {
    expect(html("<script>alert(1)</script>")).toBe('<div class="markdown"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></div>');
    const img = html('hi <img src=x onerror="alert(1)"> there');
    expect(img).not.toContain("<img");
    expect(img).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html("<iframe src='https://evil.example'></iframe>")).not.toContain("<iframe");
  });

  it("refuses javascript:, vbscript:, data: and file: links, however they are spelled", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java&#115;cript:alert(1)",
      "&#106;avascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "file:///etc/passwd",
    ]) {
      const out = html(`[x](${href})`);
      expect(out, href).not.toContain("<a");
      expect(out, href).not.toMatch(/href=/);
    }
    expect(html("<javascript:alert(1)>")).not.toContain("<a");
    expect(html("<data:text/html,hi>")).not.toContain("<a");
  });

  it("shows no images, remote or data:, not even by reference", () => {
    for (const src of ["![](http://tracker.example/p.gif)", "![logo](data:image/png;base64,iVBORw0KGgo=)", "![x][r]\n\n[r]: https://tracker.example/p.gif"]) {
      const out = html(src);
      expect(out, src).not.toContain("<img");
      expect(out, src).not.toContain('src="');
    }
    // With images off, "![](url)" would be a link without text: none is left to click by accident.
    expect(html("![](http://tracker.example/p.gif)")).toBe('<div class="markdown"><p>!</p></div>');
    expect(html("![logo](https://example.org/l.png)")).toContain('<a href="https://example.org/l.png"');
  });

  it("links autolinks and bare URLs only when they are http(s) or mail", () => {
    expect(html("<https://www.oas.org>")).toContain('<a href="https://www.oas.org" target="_blank" rel="noopener noreferrer">https://www.oas.org</a>');
    expect(html("see https://www.oas.org/en/ today")).toContain(
      '<a href="https://www.oas.org/en/" target="_blank" rel="noopener noreferrer">https://www.oas.org/en/</a>',
    );
    expect(html("<soc@example.org>")).toContain('href="mailto:soc@example.org"');
    expect(html("javascript:alert(1)")).not.toContain("<a");
  });

  it("keeps a typed line break as one", () => {
    expect(html("Seen at 06:00\nPolice informed")).toBe('<div class="markdown"><p>Seen at 06:00<br/>\nPolice informed</p></div>');
  });

  it("code keeps its characters and is never interpreted", () => {
    expect(html("`<b>x</b>`")).toBe('<div class="markdown"><p><code>&lt;b&gt;x&lt;/b&gt;</code></p></div>');
    expect(html("```\n<script>x</script>\n```")).toBe('<div class="markdown"><pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre></div>');
  });
});
