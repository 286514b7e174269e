import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-url";

describe("safeHref", () => {
  it("keeps absolute http(s) and mailto links", () => {
    expect(safeHref("https://github.com/psf/requests/issues/1142")).toBe("https://github.com/psf/requests/issues/1142");
    expect(safeHref("HTTP://example.com")).toBe("HTTP://example.com");
    expect(safeHref("mailto:dev@example.com")).toBe("mailto:dev@example.com");
  });

  it("refuses script, data and relative targets, and schemes disguised with controls", () => {
    for (const url of [
      "javascript:window.__pwned=1",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "/api/imports",
      "#step-3",
      "//evil.example/x",
      "https://",
      "",
      null,
    ]) {
      expect(safeHref(url)).toBeNull();
    }
  });
});
