import { describe, expect, it } from "vitest";
import { configFields, visibleFields } from "./config-fields";
import { fieldProblems, shortMessage } from "./field-problems";

describe("config form fields from configJsonSchema", () => {
  it("derives a memory channel's enum and number fields", () => {
    const fields = configFields("memory");
    expect(fields.map((f) => [f.key, f.control])).toEqual([
      ["mode", "enum"],
      ["delivery", "enum"],
      ["capacity", "number"],
      ["overflow", "enum"],
      ["concurrency", "number"],
      ["retry", "group"],
      ["deadLetter", "text"],
      ["orderingKey", "text"],
      ["retention", "group"],
    ]);
    expect(fields[5]?.fields?.map((f) => [f.key, f.control])).toEqual([
      ["attempts", "number"],
      ["initialDelayMs", "duration"],
      ["maxDelayMs", "duration"],
      ["multiplier", "number"],
      ["jitter", "number"],
    ]);
    expect(fields[0]).toMatchObject({ title: "Mode", options: ["queue", "topic"], defaultValue: "queue" });
    expect(fields[2]).toMatchObject({ title: "Capacity", unit: "events", min: 1, max: 1_000_000, integer: true });
  });

  it("maps json and pattern widgets to JSON text, mappings to a table, JSONata to code, duration to ms, booleans to checkboxes", () => {
    expect(configFields("generator").find((f) => f.key === "template")?.control).toBe("json");
    expect(configFields("filter")[0]).toMatchObject({ key: "pattern", control: "json", widget: "pattern" });
    expect(configFields("transform").map((f) => [f.key, f.control])).toEqual([
      ["language", "enum"],
      ["expression", "code"],
      ["timeoutMs", "number"],
      ["eventType", "text"],
      ["keepData", "boolean"],
      ["mappings", "mappings"],
    ]);
    expect(configFields("timer")[0]).toMatchObject({ key: "intervalMs", control: "duration", unit: "ms", min: 10 });
  });

  it("treats an exclusive minimum as the lower bound and keeps descriptions as help", () => {
    const rate = configFields("generator").find((f) => f.key === "rate");
    expect(rate).toMatchObject({ min: 0, unit: "events/s", integer: false });
    expect(rate?.description).toBe("Events per second.");
  });

  it("has no fields for an unknown type", () => {
    expect(configFields("teleport")).toEqual([]);
  });

  it("matches problems to a field by path", () => {
    const problem = {
      code: "INVALID_CONFIG" as const,
      message: 'Channel "orders": config.capacity: Too small: expected number to be >=1',
      path: ["nodes", 1, "config", "capacity"],
      severity: "error" as const,
    };
    expect(fieldProblems([problem], 1, "capacity")).toEqual([problem]);
    expect(fieldProblems([problem], 0, "capacity")).toEqual([]);
    expect(shortMessage(problem)).toBe("Too small: expected number to be >=1");
  });
});

describe("JSON field formatting", () => {
  it("keeps short values on one line and indents long ones", async () => {
    const { pretty } = await import("./JsonField");
    expect(pretty({ data: { total: [{ numeric: [">", 100] }] } })).toBe('{"data":{"total":[{"numeric":[">",100]}]}}');
    const long = { orderId: "{{uuid}}", seq: "{{seq}}", total: "{{int 1 500}}", customer: "{{pick alice bob}}" };
    expect(pretty(long)).toBe('{\n  "orderId": "{{uuid}}",\n  "seq": "{{seq}}",\n  "total": "{{int 1 500}}",\n  "customer": "{{pick alice bob}}"\n}');
    expect(JSON.parse(pretty(long))).toEqual(long);
  });

  it("keeps the fields whose visibleWhen holds, reading defaults for unset fields", () => {
    const fields = configFields("transform");
    const keys = (config: Record<string, unknown>) => visibleFields(fields, config).map((f) => f.key);
    expect(keys({})).toEqual(["language", "eventType", "keepData", "mappings"]);
    expect(keys({ language: "jsonata" })).toEqual(["language", "expression", "timeoutMs", "eventType"]);
    // Types without rules show everything.
    expect(visibleFields(configFields("memory"), {}).length).toBe(configFields("memory").length);
  });
});
