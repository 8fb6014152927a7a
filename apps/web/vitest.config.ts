import react from "@vitejs/plugin-react";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@eventloom/source", ...defaultClientConditions] },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    // Pure modules run in node; component tests opt into jsdom with a `@vitest-environment jsdom` docblock.
    environment: "node",
    setupFiles: ["./src/test/setup.ts"],
  },
});
