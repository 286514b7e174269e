import type { StepRow } from "@/lib/episodes/read-episode";

// v0 shows every step as plain text; very long bodies are cut so one step cannot freeze the page.
const maxChars = 20_000;

function clip(text: string): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}\n… (${text.length - maxChars} more characters)` : text;
}

export function StepText({ step }: { step: StepRow }) {
  return (
    <li id={`step-${step.idx}`} className="rounded border border-stone-200 bg-white">
      <div className="flex items-center gap-2 border-b border-stone-100 px-3 py-1.5 text-xs text-stone-600">
        <span className="font-mono">#{step.idx}</span>
        <span className="font-medium text-stone-800">{step.role}</span>
        <span>{step.kind}</span>
        {step.toolName && <span className="rounded bg-stone-100 px-1.5 font-mono">{step.toolName}</span>}
        {step.exitCode !== null && <span>exit {step.exitCode}</span>}
      </div>
      <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words px-3 py-2 font-mono text-xs">{clip(step.text)}</pre>
    </li>
  );
}
