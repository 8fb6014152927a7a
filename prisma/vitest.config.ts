import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@eventloom/source"] },
  test: {
    include: ["test/**/*.test.ts"],
    // Migrations spawn the Prisma CLI and the wasm engine (a few seconds each).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
