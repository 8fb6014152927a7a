import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@eventloom/source"] },
  ssr: { resolve: { conditions: ["@eventloom/source"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 20_000, hookTimeout: 30_000 },
});
