import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@eventloom/source"] },
  test: { include: ["src/**/*.test.ts"] },
});
