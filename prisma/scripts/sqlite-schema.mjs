#!/usr/bin/env node
// Derives prisma/sqlite/schema.prisma from the canonical prisma/schema.prisma, so there is one schema to
// edit. Run with `--check` to fail (exit 1) when the checked-in file is stale; the drift test does the
// same through sqliteSchemaFrom().
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const canonicalSchemaPath = path.join(root, "schema.prisma");
export const sqliteSchemaPath = path.join(root, "sqlite", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by prisma/scripts/sqlite-schema.mjs — do not edit.
// Change the canonical schema, then run \`node prisma/scripts/sqlite-schema.mjs\`.

`;

// Features that exist in PostgreSQL but not in SQLite (or change meaning there). The canonical schema
// must avoid them, or the two databases stop having one client API.
const NON_PORTABLE = [
  [/^\s*enum\s+\w+/m, "enums (use String and list the allowed values in a comment)"],
  [/@db\.\w+/, "native @db.* types"],
  [/\b(String|Int|BigInt|Float|Decimal|Boolean|DateTime|Json|Bytes)\[\]/, "scalar lists (arrays)"],
  [/\bJson\??[ \t]+[^\n]*@default\(/, "defaults on Json fields"],
];

/** Returns the SQLite schema text for a canonical (PostgreSQL) schema text; throws on non-portable features. */
export function sqliteSchemaFrom(canonical) {
  const code = canonical.replace(/\/\/.*$/gm, "");
  for (const [pattern, what] of NON_PORTABLE) {
    if (pattern.test(code)) throw new Error(`schema.prisma uses ${what}, which SQLite does not support`);
  }
  const swaps = [
    [/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"postgresql"/s, '$1"sqlite"'],
    // The SQLite schema sits one folder deeper, and its client goes to its own folder.
    [/(output\s*=\s*)"\.\/generated\/postgresql"/, '$1"../generated/sqlite"'],
  ];
  let out = canonical;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(out)) throw new Error(`schema.prisma no longer matches ${pattern}; update scripts/sqlite-schema.mjs`);
    out = out.replace(pattern, replacement);
  }
  return HEADER + out;
}

function main() {
  const expected = sqliteSchemaFrom(fs.readFileSync(canonicalSchemaPath, "utf8"));
  const current = fs.existsSync(sqliteSchemaPath) ? fs.readFileSync(sqliteSchemaPath, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("prisma/sqlite/schema.prisma is stale: run `node prisma/scripts/sqlite-schema.mjs`");
      process.exit(1);
    }
    return;
  }
  if (current !== expected) {
    fs.mkdirSync(path.dirname(sqliteSchemaPath), { recursive: true });
    fs.writeFileSync(sqliteSchemaPath, expected);
    console.log(`wrote ${path.relative(process.cwd(), sqliteSchemaPath)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
