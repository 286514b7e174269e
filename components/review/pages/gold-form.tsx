"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { verdicts, type Verdict } from "@/lib/review/judgments/schema";
import type { ScoreValue } from "@/lib/review/rubrics/scores";
import type { Dimension } from "@/lib/review/rubrics/schema";
import { formatScore, verdictNames } from "./score-format";
import { useAddGold } from "./use-queue-mutations";

const field = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

/** Dimensions with a closed set of answers can carry a known value; the select's value is its index. */
type Answerable = Extract<Dimension, { type: "ordinal" | "boolean" | "single_choice" }>;
const isAnswerable = (d: Dimension): d is Answerable => d.type === "ordinal" || d.type === "boolean" || d.type === "single_choice";

function choicesOf(d: Answerable): ScoreValue[] {
  if (d.type === "ordinal") return d.points.map((p) => p.value);
  if (d.type === "boolean") return [true, false];
  return d.options.map((o) => o.value);
}

/** Admins: mix a known answer into the queue (a new item, or mark one already in it). */
export function GoldForm({ queueId, dimensions }: { queueId: number; dimensions: Dimension[] }) {
  const add = useAddGold(queueId);
  const [episodeId, setEpisodeId] = useState("");
  const [verdict, setVerdict] = useState<Verdict | "">("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answerable = dimensions.filter(isAnswerable);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scores: Record<string, ScoreValue> = {};
    for (const d of answerable) if (answers[d.key]) scores[d.key] = choicesOf(d)[Number(answers[d.key])];
    add.mutate(
      { episodeId: Number(episodeId), ...(verdict && { verdict }), ...(Object.keys(scores).length > 0 && { scores }) },
      {
        onSuccess: () => {
          setEpisodeId("");
          setVerdict("");
          setAnswers({});
        },
      },
    );
  };

  return (
    <form aria-label="Add a gold item" onSubmit={submit} className="max-w-2xl space-y-3 rounded border border-stone-200 bg-white p-4 text-sm">
      <h3 className="font-semibold">Add a gold item</h3>
      <div className="flex flex-wrap gap-4">
        <label className="block">
          <span className="text-stone-600">Episode id</span>
          <input type="number" required min={1} value={episodeId} onChange={(event) => setEpisodeId(event.target.value)} className={`${field} w-32`} />
        </label>
        <label className="block">
          <span className="text-stone-600">Known verdict</span>
          <select aria-label="Known verdict" value={verdict} onChange={(event) => setVerdict(event.target.value as Verdict | "")} className={field}>
            <option value="">(not known)</option>
            {verdicts.map((v) => (
              <option key={v} value={v}>
                {verdictNames[v]}
              </option>
            ))}
          </select>
        </label>
        {answerable.map((d) => (
          <label key={d.key} className="block">
            <span className="text-stone-600">Known {d.label}</span>
            <select aria-label={`Known ${d.label}`} value={answers[d.key] ?? ""} onChange={(event) => setAnswers({ ...answers, [d.key]: event.target.value })} className={field}>
              <option value="">(not known)</option>
              {choicesOf(d).map((value, index) => (
                <option key={index} value={String(index)}>
                  {formatScore(d, value)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {add.isSuccess && <p role="status" className="text-green-800">Gold item added.</p>}
      {add.error && (
        <p role="alert" className="text-red-700">
          {add.error.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={add.isPending || episodeId === ""}>
        {add.isPending ? "Adding…" : "Add gold item"}
      </Button>
    </form>
  );
}
