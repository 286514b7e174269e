/**
 * A synthetic big episode for the viewer benchmark, in mini-swe-agent-1 format: `turns` agent
 * turns (a thought and a bash command, then `cat -n` or pytest output), with the outputs sized so
 * the file is `megabytes` MB (1,000 turns, 10 MB: ~9 kB outputs, ~10 kB once JSON-escaped).
 * Deterministic, so re-running the benchmark re-imports nothing.
 */
import { catN } from "@/lib/sample/shell-output";

export const SYNTHETIC_INSTANCE = "bench__viewer-synthetic";

const codeLine = (turn: number, n: number) =>
  [
    `def handler_${turn}_${n}(request, *, timeout=None):`,
    `    """Handle request ${n} of batch ${turn}; retries on transient errors."""`,
    `    payload = {"id": ${n}, "batch": ${turn}, "items": [i * ${n % 7} for i in range(${n % 13})]}`,
    `    if timeout is not None and timeout < ${n % 17}:`,
    `        raise TimeoutError(f"handler ${turn}/${n} timed out after {timeout}s")`,
    `    return session.post(f"/api/v1/batches/${turn}/items/${n}", json=payload)`,
    "",
  ][n % 7];

/** Lines from `line(n)` until they fill `bytes` characters. */
function fill(bytes: number, line: (n: number) => string): string[] {
  const lines: string[] = [];
  for (let n = 0, size = 0; size < bytes; n++) {
    lines.push(line(n));
    size += lines[n].length + 1;
  }
  return lines;
}

function observation(turn: number, bytes: number): string {
  if (turn % 5 !== 4) return catN(fill(bytes * 0.9, (n) => codeLine(turn, n))); // cat -n adds ~10% (line numbers)
  const header = ["============================= test session starts ==============================", `collected ${turn} items`, ""];
  const cases = fill(bytes, (n) => `tests/test_batch_${turn}.py::test_case_${n} ${n % 11 === 0 ? "FAILED" : "PASSED"}${" ".repeat(20)}[${String(n % 100).padStart(3)}%]`);
  return [...header, ...cases].join("\n");
}

export function syntheticEpisode({ turns = 1000, megabytes = 10 } = {}): string {
  // Escaping makes the file bigger than its texts: measure once, then scale the outputs to fit.
  const guess = (megabytes * 1e6) / turns;
  const first = render(turns, guess);
  return render(turns, guess * ((megabytes * 1e6) / first.length));
}

function render(turns: number, observationBytes: number): string {
  const messages: { role: string; content: string }[] = [
    { role: "system", content: "You are a helpful assistant that can interact multiple times with a computer shell to solve programming tasks." },
    {
      role: "user",
      content: "<pr_description>\nBatches of more than 1,000 items time out; the handler should stream them instead.\n</pr_description>",
    },
  ];
  for (let turn = 0; turn < turns; turn++) {
    const command = turn % 5 === 4 ? `python -m pytest tests/test_batch_${turn}.py -q` : `cat -n src/handlers/batch_${turn}.py`;
    messages.push({ role: "assistant", content: `THOUGHT: Step ${turn}: look at the next part of the batch code.\n\n\`\`\`bash\n${command}\n\`\`\`` });
    messages.push({ role: "user", content: `<returncode>${turn % 5 === 4 ? 1 : 0}</returncode>\n<output>\n${observation(turn, observationBytes)}\n</output>` });
  }
  const submission = "diff --git a/src/handlers/batch_0.py b/src/handlers/batch_0.py\n--- a/src/handlers/batch_0.py\n+++ b/src/handlers/batch_0.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n";
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: SYNTHETIC_INSTANCE,
    info: { exit_status: "Submitted", submission, model_stats: { instance_cost: 12.5, api_calls: turns }, config: { model: { model_name: "bench/synthetic-model" } } },
    messages,
  });
}
