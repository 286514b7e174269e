import { describe, expect, it } from "vitest";
import { controlMarkerClass, lineText, parseAnsi, revealBidiControls } from "./ansi";

const texts = (input: string) => parseAnsi(input).map(lineText);

describe("parseAnsi", () => {
  it("keeps plain text as one unstyled segment per line", () => {
    expect(parseAnsi("hello\nworld")).toEqual([[{ text: "hello", className: "" }], [{ text: "world", className: "" }]]);
    expect(parseAnsi("")).toEqual([[]]);
    expect(texts("a\r\nb\n")).toEqual(["a", "b", ""]);
  });

  it("turns SGR colours into fixed classes and resets them", () => {
    const [line] = parseAnsi("\x1b[31mFAILED\x1b[0m ok \x1b[1;32mPASSED\x1b[m");
    expect(line).toEqual([
      { text: "FAILED", className: "ansi-fg-red text-red-400" },
      { text: " ok ", className: "" },
      { text: "PASSED", className: "ansi-fg-green text-green-400 font-bold" },
    ]);
  });

  it("maps bright, background, 256-colour and true-colour codes to the 16-colour palette", () => {
    expect(parseAnsi("\x1b[91;44mx")[0][0].className).toBe("ansi-fg-bright-red text-red-300 ansi-bg-blue bg-blue-900");
    expect(parseAnsi("\x1b[38;5;196mx")[0][0].className).toContain("ansi-fg-bright-red");
    expect(parseAnsi("\x1b[38;2;0;200;0mx")[0][0].className).toContain("ansi-fg-green");
    expect(parseAnsi("\x1b[38;5;9mx")[0][0].className).toContain("ansi-fg-bright-red");
    expect(parseAnsi("\x1b[1;33mx\x1b[39my")[0]).toEqual([
      { text: "x", className: "ansi-fg-yellow text-yellow-300 font-bold" },
      { text: "y", className: "font-bold" },
    ]);
  });

  it("carries a colour across lines until it is reset", () => {
    const lines = parseAnsi("\x1b[32ma\nb\x1b[0m\nc");
    expect(lines.map((l) => l[0].className)).toEqual(["ansi-fg-green text-green-400", "ansi-fg-green text-green-400", ""]);
  });

  it("drops cursor movement, OSC titles and hyperlinks, charset switches and other controls", () => {
    expect(texts("\x1b[2K\x1b[1Gdone\x1b[?25h")).toEqual(["done"]);
    expect(texts("\x1b]0;window title\x07visible")).toEqual(["visible"]);
    expect(texts("\x1b]8;;javascript:alert(1)\x1b\\link\x1b]8;;\x1b\\")).toEqual(["link"]);
    expect(texts("\x1b(Bx\x00y\x08z\x7f")).toEqual(["xyz"]);
    expect(texts("tab\there")).toEqual(["tab\there"]);
    expect(texts("unterminated \x1b[31")).toEqual(["unterminated "]);
  });

  it("shows the last overwrite of a line, as a terminal does for progress bars", () => {
    expect(texts("10%\r50%\r100%\nnext")).toEqual(["100%", "next"]);
    expect(texts("kept\r\n")).toEqual(["kept", ""]);
  });

  it("shows bidi override characters as visible markers instead of letting them reorder text", () => {
    const [line] = parseAnsi("evil\u202Etxt.exe");
    expect(line).toEqual([
      { text: "evil", className: "" },
      { text: "⟨U+202E⟩", className: controlMarkerClass },
      { text: "txt.exe", className: "" },
    ]);
  });

  it("leaves markup as text", () => {
    expect(texts('<script>alert(1)</script><img src=x onerror="x()">')).toEqual(['<script>alert(1)</script><img src=x onerror="x()">']);
  });

  it("handles a 200 KB line in one pass", () => {
    const long = "x".repeat(200_000);
    const lines = parseAnsi(`\x1b[31m${long}\x1b[0m`);
    expect(lines).toHaveLength(1);
    expect(lineText(lines[0])).toHaveLength(200_000);
  });
});

describe("revealBidiControls", () => {
  it("marks every bidi control and leaves other text alone", () => {
    expect(revealBidiControls("a\u202Eb\u2066c\u200Fd")).toBe("a⟨U+202E⟩b⟨U+2066⟩c⟨U+200F⟩d");
    expect(revealBidiControls("plain ✓ 😀")).toBe("plain ✓ 😀");
  });
});
