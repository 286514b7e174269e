/**
 * The Atelier CLI: `npm run atelier -- <command>`. It calls the same lib/ functions as the REST
 * API. Without DATABASE_URL it uses the embedded database (a running `npm start`'s, or its own).
 */
import { Command } from "commander";
import { ZodError } from "zod";
import { openLocalDatabase, type LocalDatabase } from "@/lib/runtime/local-database";
import { tuneGarbageCollector } from "@/lib/runtime/gc-tuning";
import { applyMigrations } from "@/lib/migrate";

tuneGarbageCollector();

let database: LocalDatabase | null = null;

/** Connects (and migrates) lazily, so `--help` needs no database. */
async function connect(): Promise<void> {
  database = await openLocalDatabase();
  process.env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
}

async function run(action: () => Promise<number>): Promise<void> {
  let code = 1;
  try {
    await connect();
    code = await action();
  } catch (error) {
    console.error(`error: ${describe(error)}`);
  } finally {
    const { disconnect } = await import("@/lib/db");
    await disconnect().catch(() => undefined);
    await database?.stop();
  }
  process.exit(code);
}

function describe(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `--${issue.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`).join("; ");
  }
  return error instanceof Error ? error.message : String(error);
}

const program = new Command().name("atelier").description("Curate coding-agent trajectories into training mixtures.");

const users = program.command("users").description("Manage accounts");
users
  .command("add")
  .description("Create a user; prints the password when none is given")
  .requiredOption("--email <email>")
  .requiredOption("--role <role>", "viewer | annotator | reviewer | admin")
  .option("--password <password>", "at least 8 characters; generated when omitted")
  .option("--name <name>")
  .action((options) => run(async () => (await import("./commands/users")).addUser(options)));

const keys = program.command("keys").description("Manage pipeline API keys");
keys
  .command("create")
  .description("Create an API key; prints it once")
  .requiredOption("--name <name>")
  .requiredOption("--role <role>", "viewer | annotator | reviewer | admin")
  .action((options) => run(async () => (await import("./commands/keys")).createKey(options)));

program
  .command("import")
  .description("Import trajectory files, folders or globs")
  .argument("<paths...>", "files, folders (searched recursively) or glob patterns")
  .option("--format <format>", "skip detection and use this format")
  .option("--skip-invalid", "land the valid records and keep the error report with the batch")
  .option("--max-record-mb <mb>", "largest single record accepted (default 64; raise the heap with NODE_OPTIONS=--max-old-space-size too)")
  .option("--tokenizer <tokenizer.json>", "count tokens with this Hugging Face tokenizer.json (default: o200k_base)")
  .option("--json", "print the summary as JSON")
  .action((paths: string[], options) => run(async () => (await import("./commands/import")).importCommand(paths, options)));

program
  .command("seed")
  .description("Load the generated sample corpus (only into an empty database unless --force)")
  .option("--force", "load even when episodes exist")
  .action((options) => run(async () => (await import("./commands/seed")).seedCommand(options)));

program
  .command("export")
  .description("Export a training mixture from a recipe (JSON) into a directory; rerun to resume")
  .option("--recipe <file>", "the recipe JSON (see --example-recipe)")
  .option("--out <dir>", "output directory (Hugging Face dataset layout)")
  .option("--json", "print the outcome as JSON")
  .option("--example-recipe", "print the daVinci-style example recipe and exit")
  .action(async (options) => {
    if (options.exampleRecipe) process.exit((await import("./commands/export")).printExampleRecipe());
    if (!options.recipe || !options.out) {
      console.error("error: --recipe <file> and --out <dir> are required (or --example-recipe)");
      process.exit(2);
    }
    await run(async () => (await import("./commands/export")).exportCommand(options));
  });

program.parseAsync().catch((error) => {
  console.error(error);
  process.exit(1);
});
