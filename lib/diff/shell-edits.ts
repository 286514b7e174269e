/**
 * File changes a shell command makes, as far as the command text tells. Agents without an editor
 * tool (mini-swe-agent) write files with here-documents and `echo`, which replay exactly; they
 * also change files with `sed -i`, scripts and redirected program output, which cannot be
 * replayed — those are reported as "changed, content unknown" so the viewer never shows a stale
 * text as current. Commands that write files without naming them (a script that opens a path it
 * computes) are invisible here.
 */
import { parseShell, type SimpleCommand, type Word } from "./shell-words";

export type ShellChange =
  | { kind: "write" | "append"; path: string; text: string }
  | { kind: "delete"; path: string }
  | { kind: "rename"; path: string; newPath: string }
  | { kind: "touch"; path: string }
  /** Changed in a way the text does not let us replay. `inPlace`: an in-place editor (sed -i), surely a source edit. */
  | { kind: "opaque"; path: string; inPlace: boolean; why: string };

/** `a/./b/../c` → `a/c`, relative to `cwd` when one is known. */
export function normalizePath(path: string, cwd: string | null = null): string {
  const joined = path.startsWith("/") || !cwd ? path : `${cwd.replace(/\/$/, "")}/${path}`;
  const out: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "." || (segment === "" && out.length > 0)) continue;
    if (segment === ".." && out.length > 0 && out.at(-1) !== "" && out.at(-1) !== "..") out.pop();
    else out.push(segment);
  }
  return out.join("/") || (joined.startsWith("/") ? "/" : ".");
}

const literal = (word: Word | undefined) => (word && !word.expands && word.value !== "" ? word.value : null);

function operands(words: Word[], optionsWithValue: string[] = []): Word[] {
  const out: Word[] = [];
  for (let i = 1; i < words.length; i++) {
    const value = words[i].value;
    if (value === "--") {
      out.push(...words.slice(i + 1));
      break;
    }
    if (value.startsWith("-") && value.length > 1) {
      if (optionsWithValue.includes(value)) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}

/** Files an in-place editor (`sed -i`, `perl -i`) rewrites: its operands after the script. */
function inPlaceTargets(words: Word[]): Word[] | null {
  const name = words[0]?.value;
  const flags = words.slice(1).map((w) => w.value);
  if (name === "sed" && flags.some((f) => /^-[a-zA-Z]*i/.test(f) || f.startsWith("--in-place"))) {
    const hasScriptOption = flags.some((f) => f === "-e" || f === "-f" || f.startsWith("--expression"));
    const rest = operands(words, ["-e", "-f", "--expression"]);
    return hasScriptOption ? rest : rest.slice(1);
  }
  if (name === "perl" && flags.some((f) => /^-[a-zA-Z]*i/.test(f))) return operands(words, ["-e", "-E"]).slice(flags.some((f) => /^-[a-zA-Z]*[eE]$/.test(f)) ? 0 : 1);
  return null;
}

/** Paths a `python -c` program opens for writing. */
function pythonWrites(code: string): string[] {
  const paths = new Set<string>();
  for (const match of code.matchAll(/open\(\s*(['"])([^'"]+)\1\s*,\s*(['"])[^'"]*[wax+][^'"]*\3/g)) paths.add(match[2]);
  for (const match of code.matchAll(/Path\(\s*(['"])([^'"]+)\1\s*\)\s*\.write_(?:text|bytes)\(/g)) paths.add(match[2]);
  return [...paths];
}

function echoText(words: Word[]): string | null {
  const args = words.slice(1);
  let newline = true;
  while (args[0] && /^-[neE]+$/.test(args[0].value)) {
    if (args[0].value.includes("e")) return null; // escapes would be interpreted
    if (args[0].value.includes("n")) newline = false;
    args.shift();
  }
  if (args.some((w) => w.expands)) return null;
  return args.map((w) => w.value).join(" ") + (newline ? "\n" : "");
}

function commandChanges(command: SimpleCommand, cwd: string | null): ShellChange[] {
  const name = command.words[0]?.value ?? "";
  const resolve = (word: Word | undefined) => {
    const path = literal(word);
    return path === null ? null : normalizePath(path, cwd);
  };
  const changes: ShellChange[] = [];
  for (const redirect of command.redirects) {
    if (redirect.op === "<" || redirect.fd !== 1) continue;
    const path = resolve(redirect.target);
    if (!path || path === "/dev/null") continue;
    const kind = redirect.op === ">>" ? "append" : "write";
    const text =
      name === "cat" && command.words.length === 1 && command.hereDoc && !command.hereDoc.expands
        ? command.hereDoc.body
        : name === "echo"
          ? echoText(command.words)
          : name === "" && command.words.length === 0 && !command.hereDoc
            ? ""
            : null;
    changes.push(text === null ? { kind: "opaque", path, inPlace: false, why: `output of \`${name || "a command"}\` redirected into it` } : { kind, path, text });
  }
  if (name === "tee") {
    const append = command.words.some((w) => w.value === "-a" || w.value === "--append");
    for (const word of operands(command.words)) {
      const path = resolve(word);
      if (!path) continue;
      const body = command.hereDoc && !command.hereDoc.expands ? command.hereDoc.body : null;
      changes.push(body === null ? { kind: "opaque", path, inPlace: false, why: "written by `tee`" } : { kind: append ? "append" : "write", path, text: body });
    }
  }
  const inPlace = inPlaceTargets(command.words);
  for (const word of inPlace ?? []) {
    const path = resolve(word);
    if (path) changes.push({ kind: "opaque", path, inPlace: true, why: `edited in place by \`${name}\`` });
  }
  if (name === "rm") for (const word of operands(command.words)) {
    const path = resolve(word);
    if (path) changes.push({ kind: "delete", path });
  }
  if (name === "touch") for (const word of operands(command.words)) {
    const path = resolve(word);
    if (path) changes.push({ kind: "touch", path });
  }
  if (name === "mv" || name === "cp") {
    const [from, to] = operands(command.words).map(resolve);
    if (from && to && operands(command.words).length === 2) {
      changes.push(name === "mv" ? { kind: "rename", path: from, newPath: to } : { kind: "opaque", path: to, inPlace: false, why: `copied from ${from}` });
    }
  }
  if (/^python[\d.]*$/.test(name)) {
    const dashC = command.words.findIndex((w) => w.value === "-c");
    const code = dashC > 0 ? command.words[dashC + 1]?.value : undefined;
    for (const path of code ? pythonWrites(code) : []) changes.push({ kind: "opaque", path: normalizePath(path, cwd), inPlace: true, why: "written by a Python one-liner" });
  }
  if (name === "git" && ["checkout", "restore"].includes(command.words[1]?.value ?? "")) {
    const dashes = command.words.findIndex((w) => w.value === "--");
    const targets = dashes > 0 ? command.words.slice(dashes + 1) : command.words[1]?.value === "restore" ? operands(command.words.slice(1)) : [];
    for (const word of targets) {
      const path = resolve(word);
      if (path) changes.push({ kind: "opaque", path, inPlace: true, why: `restored by \`git ${command.words[1].value}\`` });
    }
  }
  return changes;
}

/** Every file change the command names, in order; `cd` inside the command is followed. */
export function shellChanges(source: string, cwd: string | null = null): ShellChange[] {
  let dir = cwd;
  const changes: ShellChange[] = [];
  for (const command of parseShell(source)) {
    if (command.words[0]?.value === "cd") {
      const target = literal(command.words[1]);
      dir = target ? normalizePath(target, dir) : null;
      continue;
    }
    changes.push(...commandChanges(command, dir));
  }
  return changes;
}
