import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { afterCursor, cursorAfter, orderBy, readCursor } from "./keyset";

describe("keyset paging", () => {
  it("orders by the sort column then id, unknown costs last", () => {
    expect(orderBy({ sort: "created", dir: "desc" })).toBe("e.created_at DESC, e.id DESC");
    expect(orderBy({ sort: "steps", dir: "asc" })).toBe("e.step_count ASC, e.id ASC");
    expect(orderBy({ sort: "cost", dir: "desc" })).toBe("e.cost_usd DESC NULLS LAST, e.id DESC");
    expect(orderBy({ sort: "id", dir: "asc" })).toBe("e.id ASC");
  });

  it("seeks past the cursor with a row comparison and bound values", () => {
    const params: unknown[] = ["x"];
    expect(afterCursor({ sort: "tokens", dir: "desc" }, { value: 500, id: 9 }, params)).toBe("(e.token_count, e.id) < ($3::int, $2::int)");
    expect(params).toEqual(["x", 9, 500]);
    expect(afterCursor({ sort: "cost", dir: "asc" }, { value: null, id: 4 }, [])).toBe("(e.cost_usd IS NULL AND e.id > $1::int)");
    expect(afterCursor({ sort: "cost", dir: "desc" }, { value: 0.5, id: 4 }, [])).toBe(
      "(e.cost_usd < $2::float8 OR (e.cost_usd = $2::float8 AND e.id < $1::int) OR e.cost_usd IS NULL)",
    );
  });

  it("ignores a cursor from another sort or of the wrong shape", () => {
    const cursor = cursorAfter({ sort: "steps", dir: "desc" }, 12, 3);
    expect(readCursor({ sort: "steps", dir: "desc" }, cursor)).toEqual({ value: 12, id: 3 });
    expect(readCursor({ sort: "steps", dir: "asc" }, cursor)).toBeNull();
    expect(readCursor({ sort: "tokens", dir: "desc" }, cursor)).toBeNull();
    expect(readCursor({ sort: "created", dir: "desc" }, encodeCursor([42]))).toBeNull();
    expect(readCursor({ sort: "created", dir: "desc" }, encodeCursor(["created.desc", "not a date", 1]))).toBeNull();
    expect(readCursor({ sort: "steps", dir: "desc" }, encodeCursor(["steps.desc", null, 1]))).toBeNull();
    expect(readCursor({ sort: "cost", dir: "desc" }, encodeCursor(["cost.desc", null, 1]))).toEqual({ value: null, id: 1 });
  });
});
