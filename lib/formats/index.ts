/** The registry of source formats: detection order does not matter, confidence does. */
import { InvalidInputError } from "@/lib/errors";
import { chatFormat } from "./chat";
import type { FormatModule } from "./format-module";
import { miniSweAgentFormat } from "./mini-swe-agent";
import { openHandsFormat } from "./openhands";
import { prSampleFormat } from "./pr-sample";
import { r2eGymFormat } from "./r2e-gym";
import { sweAgentFormat } from "./swe-agent";
import { swebenchInstanceReportFormat, swebenchPredictionsFormat, swebenchRunReportFormat } from "./swebench";

export const formatModules: readonly FormatModule[] = [
  sweAgentFormat,
  miniSweAgentFormat,
  r2eGymFormat,
  openHandsFormat,
  chatFormat,
  prSampleFormat,
  swebenchPredictionsFormat,
  swebenchInstanceReportFormat,
  swebenchRunReportFormat,
];

export function getFormat(name: string): FormatModule {
  const module = formatModules.find((m) => m.name === name);
  if (!module) throw new UnknownFormatError(name);
  return module;
}

export class UnknownFormatError extends InvalidInputError {
  constructor(name: string) {
    super(`Unknown format "${name}". Known formats: ${formatModules.map((m) => m.name).join(", ")}.`);
    this.name = "UnknownFormatError";
  }
}
