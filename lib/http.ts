/**
 * The single route-handler wrapper: parse with zod, check the role, call lib, map errors to
 * `{ error: { code, message, details? } }`. Unexpected errors are logged, never sent.
 */
import { NextResponse } from "next/server";
import { z, ZodError, type ZodType } from "zod";
import { resolveActor, type Actor } from "@/lib/auth/actor";
import { AuthError, checkRole } from "@/lib/auth/permission";
import type { Role } from "@/lib/auth/roles";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function errorResponse(status: number, code: string, message: string, details?: unknown) {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

function toResponse(error: unknown): NextResponse {
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message, error.details);
  if (error instanceof NotFoundError) return errorResponse(404, "not_found", error.message);
  if (error instanceof ConflictError) return errorResponse(409, "conflict", error.message, error.details);
  if (error instanceof InvalidInputError) return errorResponse(422, "invalid_request", error.message, error.details);
  if (error instanceof AuthError)
    return errorResponse(error.status, error.status === 401 ? "unauthorized" : "forbidden", error.message);
  if (error instanceof ZodError)
    return errorResponse(422, "invalid_request", "The request is not valid.", z.treeifyError(error));
  console.error("[api] unexpected error", error);
  return errorResponse(500, "internal", "Something went wrong on the server.");
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type HandlerArgs<Q, B> = { actor: Actor | null; query: Q; body: B; params: Record<string, string>; request: Request };

type HandlerOptions<Q, B> = {
  /** Minimum role; omit for public endpoints. */
  role?: Role;
  query?: ZodType<Q>;
  body?: ZodType<B>;
};

export function route<Q = undefined, B = undefined>(
  options: HandlerOptions<Q, B>,
  run: (args: HandlerArgs<Q, B>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await resolveActor(request.headers);
      if (options.role) checkRole(actor, options.role);
      const url = new URL(request.url);
      const query = options.query ? options.query.parse(searchParamsRecord(url.searchParams)) : (undefined as Q);
      const body = options.body ? options.body.parse(await readJson(request)) : (undefined as B);
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      const result = await run({ actor, query, body, params, request });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return toResponse(error);
    }
  };
}

/** Query parameters as an object; a repeated key (`?model=a&model=b`) becomes an array. */
export function searchParamsRecord(searchParams: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
}
