import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalSchemaPath, sqliteSchemaFrom, sqliteSchemaPath } from "../scripts/sqlite-schema.mjs";

describe("sqlite/schema.prisma", () => {
  it("is exactly what scripts/sqlite-schema.mjs derives from schema.prisma (run it if this fails)", () => {
    const expected = sqliteSchemaFrom(fs.readFileSync(canonicalSchemaPath, "utf8"));
    expect(fs.readFileSync(sqliteSchemaPath, "utf8")).toBe(expected);
  });

  it("rejects features SQLite cannot carry", () => {
    const base = fs.readFileSync(canonicalSchemaPath, "utf8");
    expect(() => sqliteSchemaFrom(`${base}\nenum Role {\n  owner\n}\n`)).toThrow(/enums/);
    expect(() => sqliteSchemaFrom(base.replace("name        String\n", "name        String @db.VarChar(80)\n"))).toThrow(/@db/);
    expect(() => sqliteSchemaFrom(base.replace("message     String?", "message     String[]"))).toThrow(/scalar lists/);
    expect(() => sqliteSchemaFrom(base.replace("detail      Json?", 'detail      Json? @default("{}")'))).toThrow(/Json/);
  });
});
