import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@eventloom/source"] },
  test: {
    include: ["test/**/*.test.ts"],
    // Migrations spawn the Prisma CLI and the wasm engine (a few seconds each).
    testTimeout: 60_000,
    // The work happens in Prisma CLI child processes, so two files at once pays off even on 2 CPUs.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
