"use client";

import { useId } from "react";
import type { Dimension } from "@/lib/review/rubrics/schema";
import type { ScoreValue } from "@/lib/review/rubrics/scores";
import { digitHint } from "./review-shortcuts";
import { TextDraftField } from "./text-draft-field";

type DimensionFieldProps = {
  dimension: Dimension;
  value: ScoreValue | undefined;
  problem: string | undefined;
  isActive: boolean;
  isDisabled: boolean;
  onActivate: () => void;
  onChange: (value: ScoreValue | null) => void;
};

type Choice = { id: string; value: ScoreValue; label: string; description: string };

function choicesOf(dimension: Dimension): Choice[] {
  switch (dimension.type) {
    case "ordinal":
      return dimension.points.map((p) => ({ id: String(p.value), value: p.value, label: `${p.value} — ${p.label}`, description: p.description }));
    case "boolean":
      return [
        { id: "true", value: true, label: "Yes", description: "" },
        { id: "false", value: false, label: "No", description: "" },
      ];
    case "single_choice":
    case "multi_choice":
      return dimension.options.map((o) => ({ id: o.value, value: o.value, label: o.label || o.value, description: o.description }));
    case "text":
      return [];
  }
}

/**
 * One rubric dimension as a fieldset named by its label: radios for ordinal (named "value —
 * anchor"), boolean ("Yes" / "No") and single choice, checkboxes for multiple choice, a textbox for
 * free text. Focusing or clicking it makes it the dimension the digit keys score.
 */
export function DimensionField({ dimension, value, problem, isActive, isDisabled, onActivate, onChange }: DimensionFieldProps) {
  const id = useId();
  const hint = digitHint(dimension);
  const isMulti = dimension.type === "multi_choice";
  const chosen = isMulti && Array.isArray(value) ? value : [];
  const toggle = (option: string) => onChange(chosen.includes(option) ? chosen.filter((v) => v !== option) : [...chosen, option]);
  return (
    <fieldset
      data-dimension={dimension.key}
      onFocus={onActivate}
      onClick={onActivate}
      aria-describedby={problem ? `${id}-problem` : undefined}
      className={`rounded border p-2 ${isActive ? "border-blue-500 ring-1 ring-blue-200" : "border-stone-200"}`}
    >
      <legend className="px-1 text-sm font-medium">
        {dimension.label}
        {dimension.required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </legend>
      {hint && <p className="text-xs text-stone-500">{isActive ? `Focused: ${hint}` : hint}</p>}
      {dimension.description && <p className="mt-1 text-xs whitespace-pre-wrap text-stone-600">{dimension.description}</p>}
      {dimension.type === "text" ? (
        <TextDraftField label={dimension.label} saved={typeof value === "string" ? value : ""} isDisabled={isDisabled} onCommit={(text) => onChange(text === "" ? null : text)} />
      ) : (
        <ul className="mt-1 space-y-0.5">
          {choicesOf(dimension).map((choice) => {
            const isChecked = isMulti ? chosen.includes(choice.id) : value === choice.value;
            const descriptionId = choice.description ? `${id}-${choice.id}-about` : undefined;
            return (
              <li key={choice.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type={isMulti ? "checkbox" : "radio"}
                    name={`${id}-value`}
                    data-value={choice.id}
                    checked={isChecked}
                    disabled={isDisabled}
                    aria-describedby={descriptionId}
                    onChange={() => (isMulti ? toggle(choice.id) : onChange(choice.value))}
                    className="mt-1"
                  />
                  <span>{choice.label}</span>
                </label>
                {descriptionId && (
                  <p id={descriptionId} className="ml-6 text-xs text-stone-500">
                    {choice.description}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {problem && (
        <p id={`${id}-problem`} className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
