/**
 * Before the browser tests: accounts for each role (returned as env for the specs) and the
 * generated sample corpus, imported through the normal importer.
 */
import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/auth/users";
import { loadSampleData } from "@/lib/setup/sample-data";

export async function prepareE2e(sampleDir: string): Promise<Record<string, string>> {
  const run = randomBytes(4).toString("hex");
  const env: Record<string, string> = {};
  for (const role of ["admin", "viewer"] as const) {
    const user = await createUser({ email: `e2e-${role}-${run}@atelier.test`, role, password: `pw-${role}-${run}-secret` });
    env[`E2E_${role.toUpperCase()}_EMAIL`] = user.email;
    env[`E2E_${role.toUpperCase()}_PASSWORD`] = user.password;
  }
  // A review team: two annotators and a reviewer (the full review round).
  for (const [name, role] of [["annotator1", "annotator"], ["annotator2", "annotator"], ["reviewer", "reviewer"]] as const) {
    const user = await createUser({ email: `e2e-${name}-${run}@atelier.test`, role, password: `pw-${name}-${run}-secret` });
    env[`E2E_${name.toUpperCase()}_EMAIL`] = user.email;
    env[`E2E_${name.toUpperCase()}_PASSWORD`] = user.password;
  }
  const sample = await loadSampleData(sampleDir, { force: true });
  if (sample?.status !== "committed") throw new Error(`Sample data did not import: ${JSON.stringify(sample?.errors.slice(0, 5))}`);
  return env;
}
