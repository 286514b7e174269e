/**
 * Decontamination: episodes whose instance id or repository is on a benchmark list never enter
 * the mixture. Lists are checked in a fixed order — swebench, instanceIds, repos, then the named
 * lists in recipe order — and an episode hit by several counts for the first only, so the counts
 * add up to the episodes removed. Matching is case-insensitive.
 */
import { InvalidInputError } from "@/lib/errors";
import { swebenchRepos, type Recipe } from "../recipe/schema";

/** A named list with its entries (a list's `file` already read, see decontamination-file.ts). */
export type ResolvedList = { name: string; entries: readonly string[] };
export type ContaminationTarget = { instanceId: string | null; repo: string | null };

export type Decontaminator = {
  /** Every list name, in checking order (the report's keys). */
  names: string[];
  /** The first list the episode is on, or null. */
  match(episode: ContaminationTarget): string | null;
};

type Check = { name: string; matches(instanceId: string | null, repo: string | null): boolean };

const builtInNames = ["swebench", "instanceIds", "repos"];

function lowerSet(entries: readonly string[]): Set<string> {
  return new Set(entries.map((e) => e.trim().toLowerCase()));
}

/** SWE-bench instance ids are `owner__name-<number>`: caught even when an episode has no repo. */
function swebenchInstanceRepo(instanceId: string): string | null {
  const match = /^(.+?)__(.+)-\d+$/.exec(instanceId);
  return match ? `${match[1]}/${match[2]}` : null;
}

export function buildDecontaminator(config: Recipe["decontamination"], lists: readonly ResolvedList[]): Decontaminator {
  const names = [...builtInNames];
  for (const list of lists) {
    if (names.includes(list.name))
      throw new InvalidInputError(`Decontamination list name "${list.name}" is used twice (swebench, instanceIds and repos are taken); give each list its own name.`);
    names.push(list.name);
  }
  const swebench = lowerSet(config.swebench ? swebenchRepos : []);
  const instanceIds = lowerSet(config.instanceIds);
  const repos = lowerSet(config.repos);
  const checks: Check[] = [
    { name: "swebench", matches: (id, repo) => (repo !== null && swebench.has(repo)) || (id !== null && swebench.has(swebenchInstanceRepo(id) ?? "")) },
    { name: "instanceIds", matches: (id) => id !== null && instanceIds.has(id) },
    { name: "repos", matches: (_id, repo) => repo !== null && repos.has(repo) },
    ...lists.map((list): Check => {
      const entries = lowerSet(list.entries);
      return { name: list.name, matches: (id, repo) => (id !== null && entries.has(id)) || (repo !== null && entries.has(repo)) };
    }),
  ];
  return {
    names,
    match({ instanceId, repo }) {
      const id = instanceId?.toLowerCase() ?? null;
      const lowerRepo = repo?.toLowerCase() ?? null;
      return checks.find((check) => check.matches(id, lowerRepo))?.name ?? null;
    },
  };
}
