import { makeEpisode } from "@/lib/testing/make-episode";
import { describe, expect, it } from "vitest";
import type { NormalizedEpisode, Step } from "@/lib/formats/episode";
import { findSecrets, MAX_SECRET_FINDINGS, scanSecrets, type SecretKind } from "./secrets";

// Built from pieces so the repository never contains a string that scanners take for a real key.
const body = (n: number, alphabet = "aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z") =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7) % alphabet.length]).join("");

const samples: [SecretKind, string][] = [
  ["openai", `sk-${body(48)}`],
  ["openai", `sk-proj-${body(40)}_${body(20)}-${body(10)}`],
  ["anthropic", `sk-ant-api03-${body(60)}-${body(20)}AA`],
  ["aws", `AKIA${body(16, "ABCDEFGHJKLMNPQRSTUVWXYZ234567")}`],
  ["github", `ghp_${body(36)}`],
  ["github", `gho_${body(36)}`],
  ["github", `github_pat_${body(22)}_${body(59)}`],
  ["slack", `xoxb-${body(12, "0123456789")}-${body(24)}`],
  ["google", `AIza${body(35)}`],
  ["huggingface", `hf_${body(34)}`],
  ["private_key", "-----BEGIN RSA PRIVATE KEY-----"],
  ["private_key", "-----BEGIN OPENSSH PRIVATE KEY-----"],
  ["private_key", "-----BEGIN PRIVATE KEY-----"],
];

describe("scanSecrets", () => {
  it.each(samples)("finds %s in surrounding text", (kind, value) => {
    const found = scanSecrets(`export TOKEN="${value}"\nmore text`);
    expect(found).toEqual([{ kind, value, index: 14 }]);
  });

  it.each([
    "OPENAI_API_KEY=**********",
    "sk-proj-****************************",
    `sk-${"x".repeat(40)}`,
    "AKIAIOSFODNN7EXAMPLE",
    "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "sk-your_key_here_please_replace_with_real",
    "scikit-learn sk-learn-some-long-kebab-case-identifier-name",
    `my_hf_${body(34)} use_ghp_${body(36)}`,
    `AKIA${body(16, "ABCDEFGHJKLMNPQRSTUVWXYZ234567")}EXTRA`,
    "-----BEGIN PUBLIC KEY-----",
    "sk-ant-short",
  ])("ignores %s", (text) => {
    expect(scanSecrets(text)).toEqual([]);
  });

  it("does not backtrack on a 1 MB line", () => {
    const nearMisses = ["sk-", "sk-proj-", "AKIA", "ghp_", "xoxb-", "AIza", "hf_", "-----BEGIN A B C D E "];
    const line = Array.from({ length: 20_000 }, (_, i) => `${nearMisses[i % nearMisses.length]}ab-cd `).join("") + "x".repeat(600_000);
    const started = performance.now();
    expect(scanSecrets(line)).toEqual([]);
    expect(scanSecrets(`sk-${"a1".repeat(500_000)}`)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

const episode = (steps: Step[], extra: Partial<NormalizedEpisode> = {}) => makeEpisode(steps, extra);

describe("findSecrets", () => {
  const hf = `hf_${body(34)}`;
  const gh = `ghp_${body(36)}`;
  const aws = `AKIA${body(16, "ABCDEFGHJKLMNPQRSTUVWXYZ234567")}`;

  it("reports where each secret is, masked", () => {
    const findings = findSecrets(
      episode(
        [
          { role: "user", parts: [{ type: "message", text: "no secrets here" }] },
          { role: "assistant", parts: [{ type: "tool_call", name: "bash", arguments: { command: `export HF_TOKEN=${hf}` } }] },
          { role: "tool", parts: [{ type: "observation", text: `HF_TOKEN=${hf}\nGH=${gh}` }] },
        ],
        { taskText: `use ${aws}`, finalPatch: `+key = "sk-${body(48)}"\n` },
      ),
    );
    expect(findings).toEqual([
      { kind: "aws", stepIndex: null, source: "task", preview: "AKIA…" },
      { kind: "huggingface", stepIndex: 1, source: "step", preview: "hf_a…" },
      { kind: "github", stepIndex: 2, source: "step", preview: "ghp_…" },
      { kind: "openai", stepIndex: null, source: "patch", preview: "sk-a…" },
    ]);
    expect(JSON.stringify(findings)).not.toContain(hf);
  });

  it("scans file edits", () => {
    const steps: Step[] = [
      { role: "assistant", parts: [{ type: "file_edit", path: ".env", operation: "create", newText: `TOKEN=${gh}` }] },
    ];
    expect(findSecrets(episode(steps)).map((f) => f.kind)).toEqual(["github"]);
  });

  it("caps the findings", () => {
    const text = Array.from({ length: 30 }, (_, i) => `hf_${body(30)}${i.toString().padStart(4, "0")}`).join(" ");
    expect(findSecrets(episode([{ role: "tool", parts: [{ type: "observation", text }] }]))).toHaveLength(MAX_SECRET_FINDINGS);
  });
});
