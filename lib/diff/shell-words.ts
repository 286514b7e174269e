/**
 * Just enough of a POSIX shell reader to see which files a command writes: words with quotes
 * removed, command separators, redirections and here-documents. It does not expand anything; a
 * word whose value would depend on an expansion ($VAR, `cmd`, globs) is flagged instead.
 */

export type Word = { value: string; expands: boolean };

export type Redirect = { op: ">" | ">>" | "<"; fd: number; target: Word };

export type HereDoc = { body: string; expands: boolean };

export type SimpleCommand = { words: Word[]; redirects: Redirect[]; hereDoc: HereDoc | null };

type PendingHereDoc = { delimiter: string; stripTabs: boolean; quoted: boolean; command: SimpleCommand };

const separators = ["&&", "||", ";", "|", "&", "\n"];

/** Splits a command line into simple commands (pipelines and lists are flattened in order). */
export function parseShell(source: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [], hereDoc: null };
  let pending: PendingHereDoc[] = [];
  let redirect: { op: Redirect["op"]; fd: number } | null = null;
  let hereDocNext: { stripTabs: boolean } | null = null;
  let i = 0;

  const endCommand = () => {
    if (current.words.length > 0 || current.redirects.length > 0 || current.hereDoc) commands.push(current);
    current = { words: [], redirects: [], hereDoc: null };
  };

  const readHereDocs = () => {
    for (const doc of pending) {
      const lines: string[] = [];
      while (i < source.length) {
        let end = source.indexOf("\n", i);
        if (end < 0) end = source.length;
        let line = source.slice(i, end);
        i = end + 1;
        if (doc.stripTabs) line = line.replace(/^\t+/, "");
        if (line === doc.delimiter) break;
        lines.push(line);
      }
      const body = lines.length > 0 ? `${lines.join("\n")}\n` : "";
      doc.command.hereDoc = { body, expands: !doc.quoted && /[$`\\]/.test(body) };
    }
    pending = [];
  };

  while (i < source.length) {
    const c = source[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "#" ) {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (c === "\\" && source[i + 1] === "\n") {
      i += 2;
      continue;
    }
    const separator = separators.find((s) => source.startsWith(s, i));
    if (separator && !(separator === "&" && source[i + 1] === ">")) {
      i += separator.length;
      endCommand();
      if (separator === "\n") readHereDocs();
      continue;
    }
    const redirectMatch = /^(\d*|&)(>>|>\||>&?|<<-?|<(?!<))/.exec(source.slice(i, i + 5));
    if (redirectMatch && (redirectMatch[1] === "" || /^\d+$|^&$/.test(redirectMatch[1]))) {
      i += redirectMatch[0].length;
      const op = redirectMatch[2];
      if (op.startsWith("<<")) hereDocNext = { stripTabs: op === "<<-" };
      else if (op === ">&" && /^\d/.test(source[i] ?? "")) while (/\d/.test(source[i] ?? "")) i++; // 2>&1
      else redirect = { op: op.startsWith(">>") ? ">>" : op.startsWith(">") ? ">" : "<", fd: redirectMatch[1] === "" ? (op.startsWith("<") ? 0 : 1) : redirectMatch[1] === "&" ? 1 : Number(redirectMatch[1]) };
      continue;
    }
    const [word, next, quoted] = readWord(source, i);
    i = next;
    if (hereDocNext) {
      pending.push({ delimiter: word.value, stripTabs: hereDocNext.stripTabs, quoted, command: current });
      hereDocNext = null;
    } else if (redirect) {
      current.redirects.push({ ...redirect, target: word });
      redirect = null;
    } else current.words.push(word);
  }
  endCommand();
  return commands;
}

/** One word from `start`: quotes removed, backslash escapes resolved. Returns [word, next index, had quotes]. */
function readWord(source: string, start: number): [Word, number, boolean] {
  let value = "";
  let expands = false;
  let quoted = false;
  let i = start;
  while (i < source.length) {
    const c = source[i];
    if (/[\s;&|<>]/.test(c)) break;
    if (c === "'") {
      const end = source.indexOf("'", i + 1);
      const stop = end < 0 ? source.length : end;
      value += source.slice(i + 1, stop);
      i = stop + 1;
      quoted = true;
    } else if (c === '"') {
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === "\\" && /["\\$`\n]/.test(source[i + 1] ?? "")) {
          value += source[i + 1];
          i += 2;
          continue;
        }
        if (source[i] === "$" || source[i] === "`") expands = true;
        value += source[i++];
      }
      i++;
      quoted = true;
    } else if (c === "\\") {
      value += source[i + 1] ?? "";
      i += 2;
    } else {
      if (c === "$" || c === "`" || c === "*" || c === "?" || c === "[" || c === "~") expands = true;
      value += c;
      i++;
    }
  }
  return [{ value, expands }, i, quoted];
}
