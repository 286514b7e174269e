import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const sources = ["lib", "scripts", "app", "components"];

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: sources.map((dir) => `${dir}/**/*.test.ts`),
          exclude: sources.map((dir) => `${dir}/**/*.db.test.ts`),
        },
      },
      {
        // Integration tests (`*.db.test.ts`) share one fresh database; each seeds uniquely named data.
        extends: true,
        test: {
          name: "db",
          include: sources.map((dir) => `${dir}/**/*.db.test.ts`),
          globalSetup: ["lib/testing/vitest-global-setup.ts"],
        },
      },
    ],
  },
});
