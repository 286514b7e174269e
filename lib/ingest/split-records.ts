/**
 * Streaming record splitters: JSONL lines and the elements of a top-level JSON array, read from
 * a byte stream without ever holding more than one record (plus one read chunk) in memory.
 * They do not parse JSON; they only find record boundaries, so a 2 GB file costs one record.
 */

export type RawRecord = {
  /** 1-based line number (JSONL) or 1-based element index (JSON array). */
  location: number;
  /** Line of the file where the record starts (for array elements), for error messages. */
  line: number;
  text: string;
};

export type OversizedRecord = { location: number; line: number; oversized: true; bytes: number };

export type SplitResult = RawRecord | OversizedRecord;

const newline = 0x0a;

function concat(chunks: Buffer[], total: number): Buffer {
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function decodeLine(buffer: Buffer): string {
  // Tolerate CRLF files.
  const end = buffer.length > 0 && buffer[buffer.length - 1] === 0x0d ? buffer.length - 1 : buffer.length;
  return buffer.toString("utf8", 0, end);
}

/** Yields each non-blank line. Lines over `maxBytes` are reported as oversized, not buffered. */
export async function* splitLines(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<SplitResult> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let isOversized = false;
  let line = 1;

  function* finish(): Generator<SplitResult> {
    if (isOversized) yield { location: line, line, oversized: true, bytes: pendingBytes };
    else if (pendingBytes > 0) {
      const text = decodeLine(concat(pending, pendingBytes));
      if (text.trim() !== "") yield { location: line, line, text };
    }
    pending = [];
    pendingBytes = 0;
    isOversized = false;
  }

  for await (const chunk of source) {
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(newline, start);
      const stop = end === -1 ? chunk.length : end;
      const piece = chunk.subarray(start, stop);
      pendingBytes += piece.length;
      if (pendingBytes > maxBytes) {
        isOversized = true;
        pending = [];
      } else if (!isOversized && piece.length > 0) pending.push(Buffer.from(piece));
      if (end === -1) break;
      yield* finish();
      line += 1;
      start = end + 1;
    }
  }
  yield* finish();
}

export class TruncatedJsonError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "TruncatedJsonError";
  }
}

const enum Byte {
  Quote = 0x22,
  Backslash = 0x5c,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  Comma = 0x2c,
  Newline = 0x0a,
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Yields the elements of a top-level JSON array one at a time (as text). Structural errors
 * outside elements throw `TruncatedJsonError`; errors inside an element surface when it is parsed.
 */
export async function* splitJsonArray(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<SplitResult> {
  type State = "before-array" | "between" | "in-element" | "after-array";
  let state = "before-array" as State;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let index = 0;
  let elementLine = 1;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let isOversized = false;

  function take(chunk: Buffer, from: number, to: number) {
    if (to <= from) return;
    pendingBytes += to - from;
    if (pendingBytes > maxBytes) {
      isOversized = true;
      pending = [];
    } else if (!isOversized) pending.push(Buffer.from(chunk.subarray(from, to)));
  }

  function emit(): SplitResult {
    index += 1;
    const result: SplitResult = isOversized
      ? { location: index, line: elementLine, oversized: true, bytes: pendingBytes }
      : { location: index, line: elementLine, text: concat(pending, pendingBytes).toString("utf8") };
    pending = [];
    pendingBytes = 0;
    isOversized = false;
    return result;
  }

  for await (const chunk of source) {
    let elementStart = state === "in-element" ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === Byte.Newline) line += 1;
      if (state === "in-element") {
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === Byte.Backslash) escaped = true;
          else if (byte === Byte.Quote) inString = false;
          continue;
        }
        if (byte === Byte.Quote) inString = true;
        else if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) depth += 1;
        else if (byte === Byte.CloseBrace || byte === Byte.CloseBracket) {
          if (depth === 0) {
            // The array closes right after a scalar element.
            take(chunk, elementStart, i);
            yield emit();
            state = "after-array";
            continue;
          }
          depth -= 1;
        } else if (byte === Byte.Comma && depth === 0) {
          take(chunk, elementStart, i);
          yield emit();
          state = "between";
        }
        continue;
      }
      if (isSpace(byte)) continue;
      if (state === "before-array") {
        if (byte !== Byte.OpenBracket) throw new TruncatedJsonError(line, "expected a JSON array");
        state = "between";
      } else if (state === "between") {
        if (byte === Byte.CloseBracket) state = "after-array";
        else if (byte !== Byte.Comma) {
          state = "in-element";
          elementStart = i;
          elementLine = line;
          depth = 0;
          inString = byte === Byte.Quote;
          // A container element stays open until its depth returns to zero and a comma or the
          // array's closing bracket follows.
          if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) depth = 1;
        }
      } else if (state === "after-array") {
        throw new TruncatedJsonError(line, "unexpected content after the end of the top-level array");
      }
    }
    if (state === "in-element") take(chunk, elementStart, chunk.length);
  }
  if (state === "in-element") {
    throw new TruncatedJsonError(line, `unexpected end of file inside element ${index + 1}`);
  }
  if (state !== "after-array") throw new TruncatedJsonError(line, "unexpected end of file: the top-level array is not closed");
}
