type Commit = { sha: string; message: string };

/** The commits: short sha (the full one on hover) and the message, subject line first. */
export function PrCommits({ commits }: { commits: Commit[] }) {
  if (commits.length === 0) return <p className="text-sm text-stone-600">The sample records no commits.</p>;
  return (
    <ol aria-label="Commits" className="divide-y divide-stone-100 rounded border border-stone-200 bg-white">
      {commits.map((commit, i) => {
        const [subject, ...rest] = commit.message.split("\n");
        const body = rest.join("\n").trim();
        return (
          <li key={`${commit.sha}-${i}`} className="flex gap-3 px-3 py-2 text-sm">
            <code title={commit.sha} className="shrink-0 font-mono text-xs text-stone-600">
              {commit.sha.slice(0, 10)}
            </code>
            <div className="min-w-0 [overflow-wrap:anywhere]">
              <p className="font-medium">{subject}</p>
              {body && <p className="whitespace-pre-wrap text-xs text-stone-600">{body}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
