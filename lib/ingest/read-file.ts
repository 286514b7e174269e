/**
 * Opens one input file as a stream of JSON records: sniffs whether it is JSONL, a JSON array of
 * records, or one JSON document, and yields parsed values with their line, never more than one
 * record in memory. Garbage (binary, empty, truncated, oversized) becomes a precise error.
 */
import fs from "node:fs";
import type { Container } from "@/lib/formats/format-module";
import type { DetectionCandidate } from "@/lib/formats/detect";
import { splitJsonArray, splitLines, type SplitResult } from "./split-records";

export type FileRecord =
  | { location: number; line: number; value: unknown; text: string }
  | { location: number; line: number; error: string };

export class FileError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = "FileError";
  }
}

const sniffBytes = 64 * 1024;
const chunkBytes = 1024 * 1024;

function readHead(filePath: string): Buffer {
  const fd = fs.openSync(filePath, "r");
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const read = fs.readSync(fd, buffer, 0, sniffBytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function stream(filePath: string): AsyncIterable<Buffer> {
  return fs.createReadStream(filePath, { highWaterMark: chunkBytes });
}

function firstNonSpace(head: Buffer): number {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return i;
}

function looksBinary(head: Buffer): boolean {
  if (head.includes(0)) return true;
  // A lone invalid UTF-8 sequence at the very end may just be a cut character.
  const text = head.toString("utf8");
  const replacements = text.split("\uFFFD").length - 1;
  return replacements > 8;
}

function parseRecord(result: SplitResult, maxBytes: number): FileRecord {
  if ("oversized" in result) {
    return {
      location: result.location,
      line: result.line,
      error: `record is ${result.bytes} bytes, over the ${maxBytes}-byte limit per record`,
    };
  }
  try {
    const text = stripBom(result.text);
    return { location: result.location, line: result.line, value: JSON.parse(text), text };
  } catch (error) {
    return { location: result.location, line: result.line, error: `invalid JSON: ${(error as Error).message}` };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function firstOf<T>(generator: AsyncGenerator<T>, count = 1): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const { value, done } = await generator.next();
    if (done) break;
    out.push(value);
  }
  await generator.return(undefined);
  return out;
}

export type OpenedFile = {
  candidates: DetectionCandidate[];
  records(container: Container): AsyncGenerator<FileRecord>;
};

/** Sniffs `filePath` and returns detection candidates plus a reader for the chosen container. */
export async function openRecordFile(filePath: string, maxRecordBytes: number): Promise<OpenedFile> {
  const size = fs.statSync(filePath).size;
  const head = readHead(filePath);
  const start = firstNonSpace(head);
  if (size === 0 || start >= head.length) throw new FileError(null, "the file is empty");
  if (looksBinary(head)) throw new FileError(null, "the file is binary data, not JSON or JSONL");
  const first = head[start];
  if (first !== 0x7b && first !== 0x5b) {
    throw new FileError(1, `not JSON or JSONL: the file starts with ${JSON.stringify(String.fromCharCode(first))}, expected { or [`);
  }

  // Sniffing a pretty-printed document parses it; keep that parse for the import itself.
  let parsedDocument: FileRecord | undefined;
  const readDocument = async function* (): AsyncGenerator<FileRecord> {
    if (size > maxRecordBytes) {
      yield { location: 1, line: 1, error: `the file is one ${size}-byte JSON document, over the ${maxRecordBytes}-byte limit per record` };
      return;
    }
    const record = parsedDocument ?? parseRecord({ location: 1, line: 1, text: await fs.promises.readFile(filePath, "utf8") }, maxRecordBytes);
    parsedDocument = undefined;
    yield record;
  };

  const readers: Record<Container, () => AsyncGenerator<FileRecord>> = {
    document: readDocument,
    jsonl: async function* () {
      for await (const result of splitLines(stream(filePath), maxRecordBytes)) yield parseRecord(result, maxRecordBytes);
    },
    "json-array": async function* () {
      try {
        for await (const result of splitJsonArray(stream(filePath), maxRecordBytes)) yield parseRecord(result, maxRecordBytes);
      } catch (error) {
        const line = (error as { line?: number }).line ?? null;
        throw new FileError(line, `truncated or malformed JSON array: ${(error as Error).message}`);
      }
    },
  };

  const candidates: DetectionCandidate[] = [];
  if (first === 0x5b) {
    const [firstElement] = await firstOf(readers["json-array"]()).catch(() => [undefined]);
    if (firstElement && "value" in firstElement) {
      candidates.push({ container: "json-array", sample: firstElement.value });
      // As a whole document, the sample is the array cut to its first element.
      candidates.push({ container: "document", sample: [firstElement.value] });
    } else if (firstElement && "error" in firstElement) {
      throw new FileError(firstElement.line, `element 1: ${firstElement.error}`);
    } else {
      throw new FileError(1, "the file is an empty JSON array or is truncated");
    }
  } else {
    const firstLines = (await firstOf(splitLines(stream(filePath), maxRecordBytes), 20)).map((r) => parseRecord(r, maxRecordBytes));
    const isObject = (r: FileRecord | undefined): r is FileRecord & { value: object } =>
      !!r && "value" in r && typeof r.value === "object" && r.value !== null && !Array.isArray(r.value);
    if (isObject(firstLines[0])) {
      const isJsonl = firstLines.length > 1;
      candidates.push({ container: isJsonl ? "jsonl" : "document", sample: firstLines[0].value });
      if (!isJsonl) parsedDocument = firstLines[0];
    } else {
      const [whole] = await firstOf(readDocument());
      const laterObject = firstLines.find(isObject);
      if (whole && "value" in whole) {
        // A pretty-printed document.
        parsedDocument = whole;
        candidates.push({ container: "document", sample: whole.value });
      } else if (laterObject) {
        // JSONL whose first record is broken: still JSONL, so that every line gets its own error.
        candidates.push({ container: "jsonl", sample: laterObject.value });
      } else {
        throw new FileError(firstLines[0]?.line ?? 1, whole && "error" in whole ? whole.error : "unreadable JSON");
      }
    }
  }
  return { candidates, records: (container) => readers[container]() };
}
