/**
 * A small shell tokenizer for highlighting the commands agents run: just enough of POSIX sh to
 * colour command names, flags, quoted strings, variables, operators, comments and here-documents.
 * Lossless (the tokens concatenate back to the input) and linear; it never evaluates anything.
 */

export type ShellTokenType = "command" | "flag" | "string" | "variable" | "operator" | "comment" | "heredoc" | "word" | "space";
export type ShellToken = { type: ShellTokenType; text: string };

const operators = ["&&", "||", ";;", "|&", "<<<", ">>", "<&", ">&", "&>", "<>", "|", "&", ";", "<", ">", "(", ")"];
/** After these the next word is a command name. */
const commandStarters = new Set(["&&", "||", ";;", "|&", "|", "&", ";", "("]);
const wordBreak = /[\s|&;<>()]/;

type HereDoc = { delimiter: string; stripTabs: boolean };

class Tokenizer {
  readonly tokens: ShellToken[] = [];
  private i = 0;
  private isCommandNext = true;
  private pendingHereDocs: HereDoc[] = [];

  constructor(private readonly src: string) {}

  run(): ShellToken[] {
    while (this.i < this.src.length) this.step();
    return this.tokens;
  }

  private push(type: ShellTokenType, text: string): void {
    if (text === "") return;
    const last = this.tokens.at(-1);
    if (last && last.type === type && (type === "space" || type === "word")) last.text += text;
    else this.tokens.push({ type, text });
  }

  private step(): void {
    const { src } = this;
    const c = src[this.i];
    if (c === "\n") {
      this.push("space", "\n");
      this.i++;
      this.isCommandNext = true;
      if (this.pendingHereDocs.length > 0) this.readHereDocs();
      return;
    }
    if (/\s/.test(c)) {
      const start = this.i;
      while (this.i < src.length && /[^\S\n]/.test(src[this.i])) this.i++;
      this.push("space", src.slice(start, this.i));
      return;
    }
    if (c === "#") {
      const end = src.indexOf("\n", this.i);
      const stop = end === -1 ? src.length : end;
      this.push("comment", src.slice(this.i, stop));
      this.i = stop;
      return;
    }
    if (src.startsWith("<<", this.i) && !src.startsWith("<<<", this.i)) {
      this.readHereDocOperator();
      return;
    }
    const op = operators.find((o) => src.startsWith(o, this.i));
    if (op) {
      this.push("operator", op);
      this.i += op.length;
      this.isCommandNext = commandStarters.has(op);
      return;
    }
    this.readWord();
  }

  /** One shell word, split into string / variable / plain pieces. */
  private readWord(): void {
    const { src } = this;
    const start = this.i;
    const type: ShellTokenType = this.isCommandNext ? "command" : src[this.i] === "-" ? "flag" : "word";
    const isAssignment = this.isCommandNext && /^[A-Za-z_][A-Za-z0-9_]*=/.test(src.slice(this.i, this.i + 256));
    let plainStart = this.i;
    const flushPlain = () => {
      if (this.i > plainStart) this.push(isAssignment ? "variable" : type, src.slice(plainStart, this.i));
    };
    while (this.i < src.length && !wordBreak.test(src[this.i])) {
      const c = src[this.i];
      if (c === "'" || c === '"' || c === "$" || c === "`") {
        flushPlain();
        if (c === "$") this.readVariable();
        else this.readQuoted(c);
        plainStart = this.i;
      } else {
        this.i += c === "\\" && this.i + 1 < src.length ? 2 : 1;
      }
    }
    flushPlain();
    if (this.i === start) {
      // A character no rule takes (cannot happen with the rules above, but never loop forever).
      this.push("word", src[this.i]);
      this.i++;
    }
    if (!isAssignment) this.isCommandNext = false;
  }

  private readQuoted(quote: string): void {
    const { src } = this;
    const start = this.i;
    this.i++;
    while (this.i < src.length && src[this.i] !== quote) this.i += quote !== "'" && src[this.i] === "\\" ? 2 : 1;
    this.i = Math.min(src.length, this.i + 1);
    this.push("string", src.slice(start, this.i));
  }

  private readVariable(): void {
    const { src } = this;
    const start = this.i;
    const next = src[this.i + 1];
    if (next === "{" || next === "(") {
      const close = next === "{" ? "}" : ")";
      let depth = 0;
      this.i++;
      for (; this.i < src.length; this.i++) {
        if (src[this.i] === next) depth++;
        else if (src[this.i] === close && --depth === 0) break;
      }
      this.i = Math.min(src.length, this.i + 1);
    } else {
      this.i++;
      const match = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(src.slice(this.i, this.i + 256));
      this.i += match ? match[0].length : 0;
    }
    this.push("variable", src.slice(start, this.i));
  }

  /** `<<EOF`, `<<-'EOF'`, `<< "EOF"`: the operator and its delimiter; the body follows the line. */
  private readHereDocOperator(): void {
    const { src } = this;
    const stripTabs = src[this.i + 2] === "-";
    const opEnd = this.i + (stripTabs ? 3 : 2);
    const match = /^([^\S\n]*)(?:'([^'\n]*)'|"([^"\n]*)"|([^\s|&;<>()]+))/.exec(src.slice(opEnd, opEnd + 512));
    this.push("operator", src.slice(this.i, opEnd));
    this.i = opEnd;
    if (!match) return;
    this.push("space", match[1]);
    this.push("string", match[0].slice(match[1].length));
    this.i += match[0].length;
    this.pendingHereDocs.push({ delimiter: match[2] ?? match[3] ?? match[4], stripTabs });
  }

  /** Bodies of the here-documents opened on the line just ended, each up to its delimiter line. */
  private readHereDocs(): void {
    const { src } = this;
    for (const doc of this.pendingHereDocs) {
      const bodyStart = this.i;
      let lineStart = this.i;
      let found = false;
      while (lineStart < src.length) {
        const lineEnd = src.indexOf("\n", lineStart);
        const stop = lineEnd === -1 ? src.length : lineEnd;
        const line = src.slice(lineStart, stop);
        if ((doc.stripTabs ? line.replace(/^\t+/, "") : line) === doc.delimiter) {
          this.push("heredoc", src.slice(bodyStart, lineStart));
          this.push("operator", line);
          this.i = stop;
          found = true;
          break;
        }
        lineStart = stop + 1;
      }
      if (!found) {
        this.push("heredoc", src.slice(bodyStart));
        this.i = src.length;
      }
    }
    this.pendingHereDocs = [];
  }
}

export function tokenizeShell(command: string): ShellToken[] {
  return new Tokenizer(command).run();
}

function isShellTool(toolName: string): boolean {
  return /bash|shell|terminal|^sh$|^run$|run_command|execute_command|^cmd$/i.test(toolName);
}

/**
 * The argument that holds a shell command line, if any: `command` / `cmd` of a shell tool, or a
 * lone `command` that starts with the tool's own name (SWE-agent 0.x records `open x.py 10` as
 * tool "open").
 */
export function shellArgumentOf(toolName: string, args: Record<string, unknown>): string | null {
  if (isShellTool(toolName)) {
    for (const key of ["command", "cmd"]) if (typeof args[key] === "string") return key;
    return null;
  }
  const keys = Object.keys(args);
  const command = args.command;
  const isOwnName = typeof command === "string" && (command === toolName || command.startsWith(`${toolName} `) || command.startsWith(`${toolName}\n`));
  return keys.length === 1 && isOwnName ? "command" : null;
}

/** The tokens of the first `maxLines` lines (a long here-document collapsed), and how many lines were cut. */
export function firstLines(tokens: ShellToken[], maxLines: number): { tokens: ShellToken[]; hiddenLines: number } {
  const kept: ShellToken[] = [];
  let lines = 1;
  let hiddenLines = 0;
  for (const token of tokens) {
    if (lines > maxLines) {
      hiddenLines += token.text.split("\n").length - 1;
      continue;
    }
    const pieces = token.text.split("\n");
    const room = maxLines - lines + 1;
    if (pieces.length <= room) {
      kept.push(token);
      lines += pieces.length - 1;
    } else {
      kept.push({ ...token, text: pieces.slice(0, room).join("\n") });
      hiddenLines += pieces.length - room;
      lines = maxLines + 1;
    }
  }
  return { tokens: kept, hiddenLines };
}
