/**
 * A task instance (SWE-bench style): repository, base commit, the planted bug and its issue.
 * Several agent attempts can share one instance, which is what makes rollout groups.
 */
import { pythonIssue, type IssueText } from "./issue-text";
import { buildPythonProject, type PythonProject } from "./python-module";
import type { Rng } from "./random";
import { instancePrefix, rolloutRepos, type Repo } from "./repos";

export type Instance = {
  instanceId: string;
  repo: Repo;
  baseCommit: string;
  project: PythonProject;
  issue: IssueText;
  /** Title and body, as SWE-bench stores a problem statement. */
  problemStatement: string;
  /** The regression test the fix must make pass (SWE-bench FAIL_TO_PASS). */
  failToPass: string[];
};

export function createInstance(rng: Rng, options: { repo?: Repo; bulk?: number } = {}): Instance {
  const repo = options.repo ?? rng.pick(rolloutRepos);
  const project = buildPythonProject(rng, repo, { bulk: options.bulk ?? (rng.chance(0.3) ? rng.int(8, 40) : 0) });
  const issue = pythonIssue(rng, repo, project);
  const testName = /^def (\w+)/.exec(project.spec.test[0])![1];
  return {
    instanceId: `${instancePrefix(repo.name)}-${rng.int(1000, 29999)}`,
    repo,
    baseCommit: rng.hex(40),
    project,
    issue,
    problemStatement: `${issue.title}\n${issue.body}`,
    failToPass: [`${project.testPath}::${testName}`],
  };
}
