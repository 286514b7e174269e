/** Builders for step parts that leave absent fields out (parts are stored as JSON). */
import type { ObservationPart } from "./episode";

export function observationPart(
  text: string,
  fields: { exitCode?: number | null; toolCallId?: string; toolName?: string; isError?: boolean } = {},
): ObservationPart {
  const { exitCode, toolCallId, toolName, isError } = fields;
  return {
    type: "observation",
    text,
    // The schema wants an integer; a float or NaN from a loose source means "unknown".
    ...(typeof exitCode === "number" && Number.isInteger(exitCode) ? { exitCode } : {}),
    ...(toolCallId ? { toolCallId } : {}),
    ...(toolName ? { toolName } : {}),
    ...(isError ? { isError } : {}),
  };
}
