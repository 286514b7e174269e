/**
 * Vitest global setup: integration tests get a fresh migrated database. `npm test` provides one
 * (ATELIER_TEST_DATABASE_READY); a bare `npx vitest` makes its own and drops it afterwards.
 */
import { createTestDatabase } from "./test-database";

export default async function setup() {
  if (process.env.ATELIER_TEST_DATABASE_READY === "1" && process.env.DATABASE_URL) return;
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  return () => database.drop();
}
