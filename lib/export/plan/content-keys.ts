/** What dedup compares an episode by: its task text and final patch (never the steps). */
import { createHash } from "node:crypto";
import { minhashSignature } from "./minhash";

export type ContentKeys = { exactKey: string | null; signature: Uint32Array | null };

/**
 * The exact key is sha256(whitespace-normalized task + "\0" + final patch); the patch is kept
 * as is (whitespace in a diff is meaningful). An episode with neither has nothing to compare
 * and is never a duplicate: otherwise every empty episode would collapse into one.
 */
export function contentKeys(taskText: string | null, finalPatch: string | null, withSignature: boolean): ContentKeys {
  const task = (taskText ?? "").replace(/\s+/g, " ").trim();
  const patch = finalPatch ?? "";
  if (task === "" && patch.trim() === "") return { exactKey: null, signature: null };
  const exactKey = createHash("sha256").update(task).update("\0").update(patch).digest("hex");
  return { exactKey, signature: withSignature ? minhashSignature(`${task}\n${patch}`) : null };
}
