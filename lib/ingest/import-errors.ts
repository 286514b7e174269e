/** Bad records, reported as `file:line: field: reason`: every one counted, the first N kept. */
export type ImportError = { file: string; line: number | null; field: string | null; reason: string };

export const maxListedErrors = 1000;

export function formatImportError(error: ImportError): string {
  const where = error.line === null ? error.file : `${error.file}:${error.line}`;
  return `${where}: ${error.field ? `${error.field}: ` : ""}${error.reason}`;
}

export class ImportErrors {
  readonly list: ImportError[] = [];
  total = 0;

  add(error: ImportError): void {
    this.total += 1;
    if (this.list.length < maxListedErrors) this.list.push(error);
  }
}
