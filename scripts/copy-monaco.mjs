// Serves Monaco from the app itself (never a CDN): copies its AMD build into public/monaco/vs.
// The copy is git-ignored (~25 MB) and refreshed on every install.
import fs from "node:fs";
import path from "node:path";

const source = path.join("node_modules", "monaco-editor", "min", "vs");
const target = path.join("public", "monaco", "vs");
if (!fs.existsSync(source)) {
  console.warn("monaco-editor is not installed; diff views will not load.");
} else {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true });
}
