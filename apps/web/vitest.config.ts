import react from "@vitejs/plugin-react";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // Workspace packages' TypeScript source, never their last build: `resolve` for the browser-like pipeline,
  // `ssr` for tests running in node (which otherwise resolve @eventloom/schema to its dist bundle).
  resolve: { conditions: ["@eventloom/source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["@eventloom/source", ...defaultServerConditions] } },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    // Pure modules run in node; component tests opt into jsdom with a `@vitest-environment jsdom` docblock.
    environment: "node",
    setupFiles: ["./src/test/setup.ts"],
  },
});
