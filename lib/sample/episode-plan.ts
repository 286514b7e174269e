/**
 * The course of one agent episode, independent of how a given agent writes it down: explore,
 * reproduce, fix, test, wander, clean up, submit — with the detours real runs have (failed
 * edits, stuck loops, huge outputs, reverted work, build junk). Renderers turn the plan into
 * SWE-agent or mini-swe-agent files.
 */
import type { Instance } from "./instance";
import { isFixed, moduleTestRun, regressionTestName } from "./module-tests";
import { addRegressionTest, failedReplace, fixEdit, type EditAction } from "./plan-edits";
import * as out from "./plan-outputs";
import { errorLine, failureFrames, reproOutput, reproScript } from "./python-repro";
import { traceback } from "./shell-output";
import type { Rng } from "./random";
import { thought, type ThoughtContext, type ThoughtKind } from "./thoughts";
import { changedPaths, createWorkspace, readFile, workspaceDiff, writeFile } from "./workspace";

export type Action =
  | { tool: "bash"; command: string; output: string; exitCode: number }
  | { tool: "view"; path: string; lines: string[]; range: [number, number] | null }
  | { tool: "create"; path: string; content: string }
  | EditAction
  | { tool: "submit"; diff: string; review: boolean };

export type PlannedStep = { thought: string; action: Action; seconds: number };
export type EpisodeEnd = "submit" | "cost" | "context" | "format";

export type PlanOptions = {
  targetSteps: number;
  /** "tools": SWE-agent (absolute paths, review on submit); "bash": mini-swe-agent. */
  style: "tools" | "bash";
  end: EpisodeEnd;
  skill: number;
  verbosity: number;
  /** Chance per filler step of a 100 KB+ observation. */
  bigOutputChance: number;
  secretChance: number;
};

export type Plan = {
  steps: PlannedStep[];
  submission: string;
  /** Every changed file, base and final version (for SWE-agent's `edited_files*`). */
  changed: { path: string; before: string | null; after: string | null }[];
};

// Thrown when a truncated episode (cost or context limit) runs out of steps.
const STOP = Symbol("stop");

export function planEpisode(rng: Rng, instance: Instance, o: PlanOptions): Plan {
  const { project } = instance;
  const root = o.style === "tools" ? "/testbed/" : "";
  const python = `${instance.repo.pythonVersion}.${rng.int(12, 20)}`;
  const ws = createWorkspace({ [project.modulePath]: project.before, [project.testPath]: project.testBefore });
  const ctx: ThoughtContext = { fn: project.fn, module: project.modulePath, testPath: project.testPath, error: errorLine(project), title: instance.issue.title };
  const steps: PlannedStep[] = [];
  const limit = o.end === "submit" ? Infinity : o.targetSteps;
  let prefix = "";
  let stage = 0;

  const say = (kind: ThoughtKind, heading?: string) => {
    const text = thought(rng, kind, ctx, o.verbosity, heading ? `Step ${++stage}: ${heading}` : undefined);
    if (!prefix) return text;
    // A carried-over remark goes after a markdown heading, not before it.
    const split = text.startsWith("## ") ? text.indexOf("\n\n") + 2 : 0;
    const full = `${text.slice(0, split)}${prefix} ${text.slice(split)}`;
    prefix = "";
    return full;
  };
  const push = (text: string, action: Action, seconds: number, apply?: () => void) => {
    if (steps.length >= limit) throw STOP;
    steps.push({ thought: text, action, seconds: Math.round(seconds * 1000) / 1000 });
    apply?.();
  };
  const bash = (kind: ThoughtKind, r: out.CommandResult, seconds: number, heading?: string) =>
    push(say(kind, heading), { tool: "bash", command: r.command, output: r.output, exitCode: r.exitCode }, seconds);
  const view = (kind: ThoughtKind, path: string, range: [number, number] | null) =>
    push(say(kind), { tool: "view", path, lines: (readFile(ws, path) ?? "").split("\n").slice(0, -1), range }, rng.float(0.08, 0.3));
  const fnRange = (): [number, number] => [Math.max(1, project.fnStart - 2), project.fnStart + project.spec.lines.length + 8];
  const testRun = (mode: "default" | "verbose" | "quiet", only?: string) =>
    bash("runTests", moduleTestRun(rng, instance, ws, { python, mode, only }), rng.float(0.4, 4));

  const script = reproScript(project);
  const scratch: string[] = [];
  const runRepro = (kind: ThoughtKind) => {
    const r = reproOutput(project, script, "/testbed/", isFixed(instance, ws));
    bash(kind, { command: "cd /testbed && python reproduce_issue.py", output: r.text, exitCode: r.exitCode }, rng.float(0.2, 2));
  };
  const edgeOutput = (cases: number, call: string): { output: string; exitCode: number } => {
    const failure = project.spec.failure;
    const value = isFixed(instance, ws) || !failure ? project.spec.fixedResult : failure.kind === "wrong" ? failure.got : null;
    if (value !== null) return { output: Array.from({ length: cases }, (_, i) => `${i} ${value}`).join("\n"), exitCode: 0 };
    const frames = failureFrames(project, "", "/testbed/", script);
    frames[0] = { file: "/testbed/test_edge_cases.py", line: 4, scope: "<module>", code: `print(case, ${call})` };
    return { output: traceback(frames, errorLine(project), failure?.kind === "raise" && failure.recursive ? 993 : 0), exitCode: 1 };
  };
  const stuck = (): void => {
    const kind = rng.pick(["collect", "pip", "repro"] as const);
    const repro = reproOutput(project, script, "/testbed/", false);
    const collectError = `ImportError while loading conftest '/testbed/conftest.py'.\nconftest.py:${rng.int(3, 20)}: in <module>\n    import hypothesis\nE   ModuleNotFoundError: No module named 'hypothesis'`;
    const result: out.CommandResult =
      kind === "pip"
        ? out.pipInstall(rng, instance, false)
        : kind === "repro" && scratch.includes("reproduce_issue.py") && !isFixed(instance, ws)
          ? { command: "cd /testbed && python reproduce_issue.py", output: repro.text, exitCode: repro.exitCode }
          : { command: `cd /testbed && python -m pytest ${project.testPath} -x -q`, output: collectError, exitCode: 4 };
    const text = say("retry");
    for (let k = rng.int(4, o.end === "cost" ? 12 : 8); k > 0; k--) push(text, { tool: "bash", ...result }, rng.float(0.5, 3));
  };

  const explore = () => {
    const n = Math.max(1, Math.min(8, Math.round(o.targetSteps * 0.18)));
    const pool: (() => void)[] = [
      () => bash("start", rng.chance(0.5) ? out.listRoot(instance, root) : out.findModules(instance, root), rng.float(0.05, 0.4), "Explore the repository"),
      () => o.skill < 0.6 && bash("grepDef", out.grepMiss(rng, instance, root), rng.float(0.3, 2)),
      () => bash("grepDef", out.grepDefinition(instance, root), rng.float(0.05, 0.2)),
      () => view("viewFile", project.modulePath, null),
      () => bash("usages", out.grepUsages(rng, instance, root), rng.float(0.1, 0.9)),
      () => view("viewTests", project.testPath, null),
    ];
    const chosen = new Set(rng.sample(pool.slice(1), n - 1));
    pool.filter((f, i) => i === 0 || chosen.has(f)).forEach((f) => f());
    view("viewRange", project.modulePath, fnRange());
  };

  const fix = () => {
    if (rng.chance((1 - o.skill) * 0.5)) {
      const failed = failedReplace(instance, ws);
      if (failed) {
        push(say("edit", "Fix the bug"), failed, rng.float(0.1, 0.3));
        prefix = say("editRetry");
      }
    }
    project.spec.fixes.forEach((_, index) => {
      const { action, after } = fixEdit(instance, ws, index, rng.chance(0.4));
      push(say("edit", index === 0 ? "Fix the bug" : undefined), action, rng.float(0.1, 0.3), () => writeFile(ws, project.modulePath, after));
    });
  };

  const addTest = () => {
    const { action, after } = addRegressionTest(instance, ws, rng.chance(0.5));
    push(say("addTest"), action, rng.float(0.1, 0.3), () => writeFile(ws, project.testPath, after));
    testRun("default", regressionTestName(instance));
  };

  const filler = () => {
    const choice = rng.weighted([
      ["edge", scratch.includes("test_edge_cases.py") ? 1 : 4],
      ["view", 3],
      ["tests", 3],
      ["suite", 2],
      ["diff", 2],
      ["status", 1],
      ["usages", 1],
      ["pip", 1],
      ["env", 1],
      ["search", 2],
      ["packages", 1],
    ] as const);
    if (rng.chance(o.bigOutputChance)) {
      bash("runTests", out.suiteRun(rng, instance, true, rng.int(1800, 2900), python), rng.float(20, 140));
    } else if (choice === "edge") {
      const existing = readFile(ws, "test_edge_cases.py");
      const cases = existing ? Number(/range\((\d+)\)/.exec(existing)![1]) : rng.int(3, 6);
      const call = project.spec.call ?? `${project.fn}()`;
      const content = [`from ${project.moduleName} import ${project.fn}`, "", `for case in range(${cases}):`, `    print(case, ${call})`].join("\n") + "\n";
      if (!existing) {
        push(say("edgeCases"), { tool: "create", path: "test_edge_cases.py", content }, rng.float(0.1, 0.3), () => writeFile(ws, "test_edge_cases.py", content));
        scratch.push("test_edge_cases.py");
      }
      bash("runEdge", { command: "cd /testbed && python test_edge_cases.py", ...edgeOutput(cases, call) }, rng.float(0.2, 2));
    } else if (choice === "view") view("viewRange", project.modulePath, fnRange());
    else if (choice === "tests") testRun(rng.pick(["verbose", "quiet", "default"] as const));
    else if (choice === "suite") bash("runTests", out.suiteRun(rng, instance, false, rng.int(80, 600), python), rng.float(5, 60));
    else if (choice === "diff") {
      const tracked = workspaceDiff(new Map([...ws].filter(([, f]) => f.base !== null)));
      bash("inspect", { command: "cd /testbed && git diff", output: tracked, exitCode: 0 }, rng.float(0.05, 0.2));
    } else if (choice === "status") bash("inspect", out.gitStatus(ws), rng.float(0.05, 0.2));
    else if (choice === "usages") bash("usages", out.grepUsages(rng, instance, root), rng.float(0.1, 0.9));
    else if (choice === "pip") bash("build", out.pipInstall(rng, instance, true), rng.float(3, 40));
    else if (choice === "search") bash("search", out.grepImports(rng, instance, root, rng.logNormalInt(120, 0.8, 20, 900)), rng.float(0.1, 1.5));
    else if (choice === "packages") bash("packages", out.pipList(rng), rng.float(0.3, 1.2));
    else bash("env", out.envListing(rng, false), rng.float(0.05, 0.2));
  };

  const finish = () => {
    if (rng.chance(0.04 + (1 - o.skill) * 0.08)) {
      prefix = say("giveUp");
      const revert = { command: `cd /testbed && git checkout -- ${project.modulePath}`, output: "Updated 1 path from the index", exitCode: 0 };
      push(say("inspect"), { tool: "bash", ...revert }, 0.1, () => writeFile(ws, project.modulePath, project.before));
    }
    if (rng.chance(0.05)) {
      const built = `build/lib/${project.modulePath.replace(/^src\//, "")}`;
      bash("build", { command: "cd /testbed && python setup.py build 2>&1 | tail -3", output: `running build_py\ncreating ${built.split("/").slice(0, -1).join("/")}\ncopying ${project.modulePath} -> ${built.split("/").slice(0, -1).join("/")}`, exitCode: 0 }, rng.float(1, 8));
      writeFile(ws, built, readFile(ws, project.modulePath));
      writeFile(ws, `build/lib/${project.moduleName.split(".")[0]}/__init__.py`, `"""${instance.repo.description}"""\n\n__version__ = "${rng.int(1, 5)}.${rng.int(0, 20)}.dev0"\n`);
    }
    const review = o.style === "tools" && rng.chance(0.5);
    const cleanup = () => {
      if (!scratch.length || !rng.chance(0.55 + o.skill * 0.3)) return;
      bash("cleanup", { command: `rm ${scratch.map((f) => `/testbed/${f}`).join(" ")}`, output: "", exitCode: 0 }, 0.1);
      for (const f of scratch.splice(0)) writeFile(ws, f, null);
    };
    if (!review) cleanup();
    push(say("submit"), { tool: "submit", diff: workspaceDiff(ws), review }, rng.float(0.1, 0.5));
    if (review) {
      const testsChanged = readFile(ws, project.testPath) !== project.testBefore;
      if (testsChanged && rng.chance(0.5)) {
        const restore = { command: `cd /testbed && git checkout -- ${project.testPath}`, output: "Updated 1 path from the index", exitCode: 0 };
        push(say("revertTests"), { tool: "bash", ...restore }, 0.1, () => writeFile(ws, project.testPath, project.testBefore));
      }
      cleanup();
      push(say("submitAgain"), { tool: "submit", diff: workspaceDiff(ws), review: false }, rng.float(0.1, 0.5));
    }
  };

  try {
    explore();
    if (rng.chance(o.secretChance)) bash("env", out.envListing(rng, true), rng.float(0.05, 0.2));
    // Some truncated runs never get past environment trouble, so nothing is left to autosubmit.
    if (o.end !== "submit" && rng.chance(0.4)) for (;;) stuck();
    const isStuck = rng.chance(o.end === "cost" ? 0.5 : 0.08 + (1 - o.skill) * 0.1);
    if (rng.chance(0.8 + o.skill * 0.15)) {
      const create = { tool: "create" as const, path: "reproduce_issue.py", content: script.content };
      push(say("createRepro", "Reproduce the error"), create, rng.float(0.1, 0.3), () => writeFile(ws, create.path, create.content));
      scratch.push("reproduce_issue.py");
      runRepro("runRepro");
      prefix = say("confirmed");
    }
    if (isStuck && rng.chance(0.5)) stuck();
    const testFirst = rng.chance(0.15);
    if (testFirst) addTest();
    if (o.end === "submit" || rng.chance(0.6)) fix();
    if (scratch.includes("reproduce_issue.py")) runRepro("rerun");
    testRun(rng.pick(["default", "quiet"] as const));
    if (!testFirst && rng.chance(0.25 + o.skill * 0.1)) addTest();
    if (isStuck && steps.length < o.targetSteps) stuck();
    const tail = o.end === "submit" ? 3 : 0;
    for (let guard = 0; steps.length < o.targetSteps - tail && guard < 200; guard++) filler();
    if (o.end === "submit") finish();
    else for (;;) filler();
  } catch (error) {
    if (error !== STOP) throw error;
  }
  const changed = changedPaths(ws).map((path) => ({ path, before: ws.get(path)!.base, after: ws.get(path)!.current }));
  return { steps, submission: workspaceDiff(ws), changed };
}
