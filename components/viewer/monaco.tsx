"use client";

/**
 * Monaco, served by the app itself from /monaco/vs (copied from node_modules by
 * scripts/copy-monaco.mjs at install) — never from a CDN. Every code and diff view goes through
 * these two wrappers so the loader is configured once and the options stay consistent: read-only,
 * no minimap, wrapped at the viewport, and nothing a trajectory contains is ever executed (Monaco
 * renders text into its own DOM).
 */
import { DiffEditor, Editor, loader, type DiffOnMount } from "@monaco-editor/react";
import { useLayoutEffect, useRef } from "react";

loader.config({ paths: { vs: "/monaco/vs" } });

const languages: Record<string, string> = {
  py: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  tsx: "typescript",
  json: "json",
  md: "markdown",
  rst: "restructuredtext",
  yml: "yaml",
  yaml: "yaml",
  toml: "ini",
  cfg: "ini",
  ini: "ini",
  sh: "shell",
  bash: "shell",
  go: "go",
  rs: "rust",
  java: "java",
  kt: "kotlin",
  c: "c",
  h: "c",
  cc: "cpp",
  cpp: "cpp",
  hpp: "cpp",
  cs: "csharp",
  rb: "ruby",
  php: "php",
  html: "html",
  css: "css",
  scss: "scss",
  sql: "sql",
  xml: "xml",
  diff: "diff",
  patch: "diff",
};

/** Monaco's language id for a file path ("plaintext" when unknown). */
export function languageOf(path: string | null | undefined): string {
  const extension = path?.split("/").pop()?.split(".").pop()?.toLowerCase() ?? "";
  return languages[extension] ?? "plaintext";
}

const readOnly = {
  readOnly: true,
  domReadOnly: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  wordWrap: "on",
  renderWhitespace: "selection",
  automaticLayout: true,
  fontSize: 12,
  links: false,
  contextmenu: false,
} as const;

const loading = <div className="p-3 text-xs text-stone-500">Loading editor…</div>;

export function CodeView({ value, path, height = 320 }: { value: string; path?: string | null; height?: number | string }) {
  return <Editor height={height} language={languageOf(path)} value={value} options={{ ...readOnly, lineNumbers: "on" }} loading={loading} />;
}

type DiffEditorInstance = Parameters<DiffOnMount>[0];

/**
 * @monaco-editor/react 4.7 disposes a DiffEditor's two models before the widget, which Monaco
 * 0.52+ reports as "TextModel got disposed before DiffEditorWidget model got reset"
 * (suren-atoyan/monaco-react#647). So the wrapper keeps its models, and we detach them from the
 * widget in a layout-effect cleanup — it runs before the library's own cleanup, while the widget
 * is alive — and dispose them ourselves.
 */
function useDiffDisposal() {
  const editor = useRef<DiffEditorInstance | null>(null);
  useLayoutEffect(
    () => () => {
      const current = editor.current;
      if (!current) return;
      const model = current.getModel();
      current.setModel(null);
      model?.original.dispose();
      model?.modified.dispose();
    },
    [],
  );
  return (mounted: DiffEditorInstance) => {
    editor.current = mounted;
  };
}

export function CodeDiff({
  original,
  modified,
  path,
  sideBySide = true,
  height = 360,
}: {
  original: string;
  modified: string;
  path?: string | null;
  sideBySide?: boolean;
  height?: number | string;
}) {
  const onMount = useDiffDisposal();
  return (
    <DiffEditor
      onMount={onMount}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      height={height}
      language={languageOf(path)}
      original={original}
      modified={modified}
      options={{ ...readOnly, renderSideBySide: sideBySide, originalEditable: false, useInlineViewWhenSpaceIsLimited: false }}
      loading={loading}
    />
  );
}

type JsonDefaults = { setDiagnosticsOptions(options: { validate: boolean; allowComments?: boolean; schemas: { uri: string; fileMatch: string[]; schema: unknown }[] }): void };

/**
 * An editable JSON document (export recipes), checked against a JSON Schema as you type. The
 * schema only drives hints and squiggles; the caller validates with zod before using the value.
 */
export function JsonEditor({
  value,
  onChange,
  schema,
  path,
  height = 480,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  schema: unknown;
  path: string;
  height?: number | string;
  label: string;
}) {
  return (
    <div aria-label={label} role="group">
      <Editor
        height={height}
        language="json"
        path={path}
        value={value}
        onChange={(next) => onChange(next ?? "")}
        beforeMount={(monaco) => {
          // Monaco 0.57 exposes the JSON service at the top level; older builds under languages.
          const holder = monaco as unknown as { json?: { jsonDefaults?: JsonDefaults }; languages: { json?: { jsonDefaults?: JsonDefaults } } };
          const defaults = holder.json?.jsonDefaults ?? holder.languages.json?.jsonDefaults;
          defaults?.setDiagnosticsOptions({ validate: true, schemas: [{ uri: `atelier://schemas/${path}`, fileMatch: [path], schema }] });
        }}
        options={{ minimap: { enabled: false }, scrollBeyondLastLine: false, automaticLayout: true, fontSize: 12, tabSize: 2, wordWrap: "on", contextmenu: false }}
        loading={loading}
      />
    </div>
  );
}
