/** Domain errors that any lib/ function may throw; lib/http.ts maps them to status codes. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found.`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that is well-formed but cannot be acted on (e.g. an unknown format name). */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "InvalidInputError";
  }
}
