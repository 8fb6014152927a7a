// One lint config for the whole workspace. Import boundaries (docs/architecture.md):
// schema imports nothing from the repo; web never imports runtime or prisma;
// the engine imports no I/O; nobody deep-imports another package's src/.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const noDeepImports = { group: ["@eventloom/*/src/*", "**/packages/*/src/*", "**/apps/*/src/*"], message: "Import a package by its name, not its src/ files." };
const ioModules = ["node:fs", "node:fs/promises", "node:http", "node:https", "node:net", "node:child_process", "fs", "http", "https", "net", "child_process", "socket.io", "fastify", "@eventloom/prisma", "pino"];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/generated/**", "**/node_modules/**", "**/.turbo/**", "e2e/artifacts/**", "**/test-results/**", "**/playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-empty": ["error", { allowEmptyCatch: false }],
      "no-restricted-imports": ["error", { patterns: [noDeepImports] }],
    },
  },
  {
    files: ["packages/schema/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noDeepImports, { group: ["@eventloom/*"], message: "packages/schema depends on nothing in the repo." }] }],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": ["error", { patterns: [noDeepImports, { group: ["@eventloom/runtime", "@eventloom/runtime/*", "@eventloom/prisma", "@eventloom/prisma/*", "**/runtime/**", "**/prisma/**"], message: "The web app talks to the runtime over HTTP and socket.io only." }] }],
    },
  },
  {
    files: ["apps/runtime/src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: ioModules.map((name) => ({ name, message: "The engine is pure: no I/O. Put adapters in bindings/, transport/ or deploy/." })),
        patterns: [noDeepImports, { group: ["../transport/*", "../deploy/*", "../bindings/*", "../tracing/*", "../env", "../main"], message: "The engine imports nothing from the runtime's adapters." }],
      }],
    },
  },
);
