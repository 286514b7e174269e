/**
 * What an admin pastes as a queue's filter: the episode list's query string, with or without
 * "?", or a whole list link (`/episodes?…`, `http://host/episodes?…`). The server parses it
 * strictly (lib/bulk/schema.ts); here only the query part is cut out.
 */
export function queryFromInput(input: string): string {
  const text = input.trim();
  const question = text.indexOf("?");
  const query = question >= 0 ? text.slice(question + 1) : /^(https?:\/\/|\/)/.test(text) ? "" : text;
  return query.split("#")[0];
}
