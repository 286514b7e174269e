/** A curator label as bulk actions write it; shared by the API and the form that types it. */
import { z } from "zod";

export const labelSchema = z
  .string()
  .trim()
  .min(1, "A label needs at least one character.")
  .max(64, "Labels are at most 64 characters.")
  .refine((label) => !label.includes(","), "Labels cannot contain commas (the URL separates values with them).");
