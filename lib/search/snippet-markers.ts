/** How full-text snippets mark matches in plain text (the client turns them into <mark>, never HTML). */
export const snippetMarkers = { start: "⟦", stop: "⟧" } as const;
