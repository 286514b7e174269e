/**
 * What the agent says before each action. Several phrasings per situation and a verbosity knob
 * (terse open-weight models vs. chatty frontier ones) keep text search and dedup realistic.
 */
import type { Rng } from "./random";

export type ThoughtContext = {
  fn: string;
  module: string;
  testPath: string;
  error: string;
  title: string;
};

type Bank = ((c: ThoughtContext) => string)[];

const banks = {
  start: [
    (c) => `I'll start by looking for where \`${c.fn}\` is defined in the repository.`,
    (c) => `Let me explore the repository structure first to understand where \`${c.fn}\` lives.`,
    (c) => `First, I need to locate the code related to the issue: "${c.title}".`,
    () => "Let's begin by getting an overview of the repository layout.",
  ],
  grepDef: [
    (c) => `Let me find the definition of \`${c.fn}\`.`,
    (c) => `Let's search for \`def ${c.fn}\` to find the implementation.`,
    (c) => `I'll grep for the function definition in \`${c.module}\`.`,
  ],
  usages: [
    (c) => `Let me check where \`${c.fn}\` is used, so the fix does not break callers.`,
    (c) => `Before changing anything, I'll look at the call sites of \`${c.fn}\`.`,
  ],
  viewFile: [
    (c) => `Now let's look at \`${c.module}\`.`,
    (c) => `Let me open \`${c.module}\` to see the implementation.`,
    () => "Let's examine this file:",
  ],
  viewRange: [
    (c) => `Let me look more closely at \`${c.fn}\`:`,
    (c) => `Let's view the lines around the definition of \`${c.fn}\`.`,
  ],
  viewTests: [
    (c) => `Let me check the existing tests in \`${c.testPath}\`.`,
    () => "Let's see how this function is currently tested.",
  ],
  createRepro: [
    () => "Now let's create a script to reproduce the error:",
    (c) => `I'll write a small script that triggers the problem described in the issue with \`${c.fn}\`.`,
    () => "Let me create a reproduction script to confirm the bug.",
  ],
  runRepro: [() => "Let's run the script to confirm the error:", () => "Running the reproduction script:"],
  confirmed: [
    (c) => `The issue is reproduced (\`${c.error}\`).`,
    (c) => `Confirmed: ${c.error}.`,
    () => "Great, I can reproduce the problem.",
  ],
  edit: [
    (c) => `The problem is in \`${c.fn}\`. Let me fix it:`,
    (c) => `Now I understand the bug. I'll modify \`${c.fn}\` so it handles this case.`,
    () => "Let's make the change:",
  ],
  editRetry: [
    () => "The replacement failed because the text did not match exactly. Let me check the indentation and try again.",
    () => "It seems the whitespace differs. Let me retry with the exact text from the file.",
  ],
  rerun: [
    () => "Now let's run the reproduction script again to verify the fix:",
    () => "Let's check that the fix works:",
  ],
  runTests: [
    () => "Let's run the existing tests for this module to make sure nothing is broken:",
    (c) => `Now I'll run the test suite in \`${c.testPath}\`.`,
    () => "Let me run the related tests.",
  ],
  addTest: [
    (c) => `I'll add a regression test for this case to \`${c.testPath}\`.`,
    () => "Let me add a test that covers the reported scenario.",
  ],
  edgeCases: [
    () => "Let me also check a few edge cases to make sure the fix is robust:",
    () => "Now let's think about edge cases and write a quick script for them.",
  ],
  runEdge: [() => "Let's run the edge case script:", () => "Running the edge case checks:"],
  inspect: [
    () => "Let me review the changes so far.",
    () => "Let's double-check the diff before finishing.",
  ],
  retry: [() => "Let me try running that again.", () => "Let me run the tests again.", () => "Trying once more:"],
  cleanup: [
    () => "Let's remove the scripts we created:",
    () => "The fix works. I'll clean up the temporary files before submitting.",
  ],
  revertTests: [
    () => "The review asks to leave test files untouched, so I'll restore the test module.",
    () => "I modified a test file; reverting it as requested before submitting.",
  ],
  submit: [
    () => "All checks pass. Let me submit the changes.",
    () => "The fix is complete and tested. Submitting.",
    () => "I'm confident the issue is resolved. Let's submit.",
  ],
  submitAgain: [() => "Now let's submit again:", () => "I've reviewed the changes. Submitting again."],
  env: [
    () => "Let me check the environment variables that the test configuration reads.",
    () => "I want to see which settings are set in this environment.",
  ],
  giveUp: [
    () => "I could not find a reliable way to fix this without larger changes. I'll revert my edits.",
    () => "My change breaks other behaviour; reverting it.",
  ],
  packages: [
    () => "Let me check which versions of the dependencies are installed.",
    () => "I'll look at the installed packages to rule out a version mismatch.",
  ],
  search: [
    () => "Let me get an overview of the imports across the package.",
    () => "I'll search the package for related imports to see how the modules fit together.",
  ],
  build: [
    () => "Let me build the package to make sure everything still compiles.",
    () => "I'll run the build to check the package installs correctly.",
  ],
} satisfies Record<string, Bank>;

export type ThoughtKind = keyof typeof banks;

const elaborations: Partial<Record<ThoughtKind, string[]>> = {
  start: ["This will help me understand the context before making changes."],
  grepDef: ["That way I can confirm my understanding of the code path involved."],
  usages: ["This should tell us whether other parts of the code depend on the current behaviour."],
  viewFile: ["I want to understand the surrounding helpers before touching anything."],
  viewRange: ["This is where the reported behaviour must come from."],
  edit: ["I want to keep the change minimal and consistent with the rest of the codebase."],
  runTests: ["It's important to confirm that nothing else regressed."],
  rerun: ["If the fix is right, the script should now print the expected value."],
};

/** A thought for `kind`; chatty models add a second sentence and sometimes a heading. */
export function thought(rng: Rng, kind: ThoughtKind, ctx: ThoughtContext, verbosity: number, heading?: string): string {
  let text = rng.pick(banks[kind] as Bank)(ctx);
  const extra = elaborations[kind];
  if (extra && rng.chance(verbosity * 0.6)) {
    // A sentence after a trailing colon would separate it from the action it introduces.
    text = text.endsWith(":") ? `${rng.pick(extra)} ${text}` : `${text} ${rng.pick(extra)}`;
  }
  if (heading && rng.chance(verbosity)) text = `## ${heading}\n\n${text}`;
  return text;
}
