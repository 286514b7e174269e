import { describe, expect, it } from "vitest";
import { z } from "zod";
import { detailMessages, readApi } from "./api";

describe("detailMessages", () => {
  it("reads zod's error tree", () => {
    const schema = z.object({ name: z.string().min(1, "Give the queue a name."), overlap: z.number().max(20, "At most 20.") }).refine(() => false, "Give exactly one of viewId, query.");
    const result = schema.safeParse({ name: "", overlap: 30 });
    expect(result.success).toBe(false);
    if (!result.success) expect(detailMessages(z.treeifyError(result.error))).toEqual(["Give exactly one of viewId, query.", "Give the queue a name.", "At most 20."]);
  });

  it("names the fields of an InvalidInputError", () => {
    expect(detailMessages({ scores: { quality: "Pick one of 1, 2, 3." } })).toEqual(["quality: Pick one of 1, 2, 3."]);
  });
});

describe("readApi", () => {
  it("adds the listed problems to the error's message", async () => {
    const response = new Response(JSON.stringify({ error: { code: "invalid_request", message: "The request is not valid.", details: { errors: ["Give exactly one of viewId, query."] } } }), { status: 422 });
    await expect(readApi(response, "Creating the queue")).rejects.toThrow("Creating the queue failed: The request is not valid. Give exactly one of viewId, query.");
  });
});
