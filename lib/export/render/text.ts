/**
 * An episode as a text record `{ id, text, train_spans, meta }` through a template:
 * `pr-linear` (pr-linear.ts) or `xml-rollout` (xml-rollout.ts); `auto` picks pr-linear for
 * contextual episodes with a pull request, xml-rollout for the rest. Tokens are the text's.
 */
import type { ExportEpisode } from "../types";
import type { Rendered, RenderOptions } from "./chat";
import { prLinear } from "./pr-linear";
import { recordMeta, type EntryInfo, type TextRecord, type TextTemplate } from "./record";
import { assembleText } from "./text-segments";
import { fitToBudget } from "./truncate";
import { xmlRollout } from "./xml-rollout";

export function pickTemplate(episode: ExportEpisode, template: TextTemplate | "auto"): TextTemplate {
  if (template !== "auto") return template;
  return episode.kind === "contextual" && episode.pullRequest != null ? "pr-linear" : "xml-rollout";
}

export function renderText(episode: ExportEpisode, entry: EntryInfo, options: RenderOptions & { template: TextTemplate | "auto" }): Rendered<TextRecord> {
  const template = pickTemplate(episode, options.template);
  const output = template === "pr-linear" ? prLinear(episode) : xmlRollout(episode);
  const { head, body, tail } = output;
  const count = (text: string) => options.tokenizer.count(text);
  const whole = assembleText([...head, ...body, ...tail]);
  const cut = (end: number) => assembleText([...head, ...body.slice(0, end)]);
  const fit = fitToBudget(
    {
      steps: body.map((segment) => segment.step ?? -1),
      unitTokens: () => body.map((segment) => count(segment.text)),
      totalTokens: count(whole.text),
      isValidEnd: output.isValidEnd,
      hasAssistant: (end) => body.slice(0, end).some((segment) => segment.isAssistant),
      exactTokens: (end) => count(cut(end).text),
    },
    options.budget,
  );
  if (!fit) return { dropped: "over_max_tokens" };
  const { text, spans } = fit.truncatedAtStep === null ? whole : cut(fit.end);
  const meta = recordMeta(episode, entry, {
    style: "text",
    template,
    tokenizer: options.tokenizer.name,
    tokens: fit.tokens,
    truncatedAtStep: fit.truncatedAtStep,
    droppedSteps: output.droppedSteps,
    droppedToolResults: output.droppedToolResults,
  });
  const record: TextRecord = { id: entry.id, text, train_spans: spans, meta };
  return { record, tokens: fit.tokens, truncatedAtStep: fit.truncatedAtStep };
}
