/**
 * `npm start` builds only when the sources changed since the last build: the stamp is a hash of
 * the paths and modification times of everything the build reads.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const stampFile = path.join(root, ".next", "atelier-build-stamp");
const inputs = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function listFiles(entry: string, out: string[]): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(full)) if (child !== "generated" && child !== "monaco") listFiles(path.join(entry, child), out);
  } else out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
}

export function sourceStamp(): string {
  const files: string[] = [];
  inputs.forEach((entry) => listFiles(entry, files));
  return createHash("sha256").update(files.sort().join("\n")).digest("hex");
}

export function isBuildCurrent(): boolean {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === sourceStamp();
}

export async function runBuild(): Promise<void> {
  console.log("Building Atelier (first start or sources changed)…");
  const stamp = sourceStamp();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  fs.writeFileSync(stampFile, stamp);
}
