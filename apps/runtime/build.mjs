// Bundles the runtime into dist/main.js. Workspace packages (@eventloom/*) are bundled from source;
// third-party dependencies stay external and load from node_modules at run time.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@eventloom/"));

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  conditions: ["@eventloom/source"],
  external: [...external, "@prisma/client/*"],
  // ESM bundles need require() for the few CommonJS paths inside dependencies.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
});
