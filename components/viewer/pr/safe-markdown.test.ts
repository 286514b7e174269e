import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "./safe-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(SafeMarkdown, { text }));

describe("SafeMarkdown", () => {
  it("renders Markdown and GitHub tables", () => {
    const html = render("### Changes\n\n- one `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<h3>Changes</h3>");
    expect(html).toContain("<li>one <code>code</code></li>");
    expect(html).toContain("<td>2</td>");
  });

  it("drops raw HTML, unsafe links and remote images", () => {
    const html = render(
      [
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1)) and [ok](https://example.com/a)",
        "![tracker](https://evil.example/pixel.png)",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<img|evil\.example/i);
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain("[image: tracker]");
  });
});
