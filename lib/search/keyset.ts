/**
 * Sorting and keyset paging: ORDER BY (sort column, id) and "rows after this cursor" as a row
 * comparison the (column, id) indexes can seek to. No OFFSET, so page 1,000 costs what page 1
 * does. A cursor records its sort; one from another sort (or not ours) means page one.
 */
import { decodeCursor, encodeCursor } from "./cursor";
import { sortColumns } from "./columns";
import type { EpisodeFilter } from "./filter";
import { bind } from "./to-sql";

type Sort = Pick<EpisodeFilter, "sort" | "dir">;
type SortValue = string | number | null;

function tag({ sort, dir }: Sort): string {
  return `${sort}.${dir}`;
}

/** `column`: the sort column as an expression, when it is not the plain column (a redacted score). */
export function orderBy(sort: Sort, column: string = sortColumns[sort.sort].column): string {
  const { isNullable } = sortColumns[sort.sort];
  const dir = sort.dir.toUpperCase();
  if (column === "e.id") return `e.id ${dir}`;
  return `${column} ${dir}${isNullable ? " NULLS LAST" : ""}, e.id ${dir}`;
}

/** The cursor's sort value and id when it belongs to this sort, else null (page one). */
export function readCursor(sort: Sort, cursor: string | null | undefined): { value: SortValue; id: number } | null {
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.length !== 3 || decoded[0] !== tag(sort)) return null;
  const [, value, id] = decoded;
  const { type, isNullable } = sortColumns[sort.sort];
  if (typeof id !== "number" || !Number.isInteger(id)) return null;
  if (value === null) return isNullable ? { value, id } : null;
  const isRightType = type === "timestamp" ? typeof value === "string" && !Number.isNaN(Date.parse(value)) : typeof value === "number";
  return isRightType ? { value, id } : null;
}

/** Rows strictly after the cursor in this order (unknown costs come last both ways). */
export function afterCursor(sort: Sort, after: { value: SortValue; id: number }, params: unknown[], column: string = sortColumns[sort.sort].column): string {
  const { type, isNullable } = sortColumns[sort.sort];
  const op = sort.dir === "desc" ? "<" : ">";
  const id = `${bind(params, after.id)}::int`;
  if (column === "e.id") return `e.id ${op} ${id}`;
  if (after.value === null) return `(${column} IS NULL AND e.id ${op} ${id})`;
  const value = `${bind(params, after.value)}::${type}`;
  if (isNullable) return `(${column} ${op} ${value} OR (${column} = ${value} AND e.id ${op} ${id}) OR ${column} IS NULL)`;
  return `(${column}, e.id) ${op} (${value}, ${id})`;
}

export function cursorAfter(sort: Sort, value: SortValue, id: number): string {
  return encodeCursor([tag(sort), value, id]);
}
