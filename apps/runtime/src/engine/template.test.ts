import { describe, expect, it } from "vitest";
import { compileStringTemplate, compileTemplate, TemplateError, type TemplateContext } from "./template";
import { seededRandom } from "./testing/fake-clock";

const ctx = (seq = 1, key = ""): TemplateContext => ({ seq, nowIso: "2024-01-02T03:04:05.000Z", random: seededRandom(1), key });

describe("generator templates", () => {
  it("fills every placeholder, keeping the type of a value that is exactly one placeholder", () => {
    const fill = compileTemplate({
      id: "{{uuid}}",
      seq: "{{seq}}",
      at: "{{now}}",
      n: "{{int 1 6}}",
      x: "{{float -1 1}}",
      who: "{{pick alice bob}}",
    });
    const data = fill(ctx(42)) as Record<string, unknown>;
    expect(data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(data.seq).toBe(42);
    expect(data.at).toBe("2024-01-02T03:04:05.000Z");
    expect(Number.isInteger(data.n)).toBe(true);
    expect(data.n).toBeGreaterThanOrEqual(1);
    expect(data.n).toBeLessThanOrEqual(6);
    expect(typeof data.x).toBe("number");
    expect(["alice", "bob"]).toContain(data.who);
  });

  it("stays within int bounds (inclusive) and float bounds over many draws", () => {
    const fill = compileTemplate({ i: "{{int -2 2}}", f: "{{float 10 20}}" });
    const c = ctx();
    const seen = new Set<unknown>();
    for (let k = 0; k < 2000; k++) {
      const v = fill(c) as { i: number; f: number };
      seen.add(v.i);
      expect(v.f).toBeGreaterThanOrEqual(10);
      expect(v.f).toBeLessThan(20);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
  });

  it("interpolates placeholders inside longer strings as text", () => {
    const fill = compileTemplate({ label: "order-{{seq}} for {{pick carol}}", nested: { deep: ["{{seq}}", "x"] } });
    expect(fill(ctx(7))).toEqual({ label: "order-7 for carol", nested: { deep: [7, "x"] } });
  });

  it("shares constant subtrees, frozen, instead of rebuilding them per event", () => {
    const fill = compileTemplate({ seq: "{{seq}}", fixed: { a: [1, 2], b: "plain" } });
    const one = fill(ctx(1)) as { fixed: object };
    const two = fill(ctx(2)) as { fixed: object };
    expect(one).not.toBe(two);
    expect(one.fixed).toBe(two.fixed);
    expect(Object.isFrozen(one.fixed)).toBe(true);
    const constant = compileTemplate({ only: "constants" });
    expect(constant(ctx())).toBe(constant(ctx()));
  });

  it("builds partition keys as strings", () => {
    expect(compileStringTemplate("{{seq}}")(ctx(3))).toBe("3");
    expect(compileStringTemplate("fixed")(ctx())).toBe("fixed");
  });

  it("fills {{key}} with the key the generator drew for the event", () => {
    expect(compileStringTemplate("tenant-{{key}}")(ctx(1, "key-7"))).toBe("tenant-key-7");
    expect(compileTemplate({ k: "{{key}}" })(ctx(1, "key-2"))).toEqual({ k: "key-2" });
  });

  it.each(["{{nope}}", "{{int 5 1}}", "{{int a b}}", "{{int 1.5 3}}", "{{float 1}}", "{{pick}}", "{{uuid 3}}", "{{key x}}"])("rejects %s", (bad) => {
    expect(() => compileTemplate({ v: bad })).toThrow(TemplateError);
  });

  it("leaves text that only looks like a placeholder alone", () => {
    expect(compileTemplate({ v: "{{ not closed", w: "{{}}" })(ctx())).toEqual({ v: "{{ not closed", w: "{{}}" });
  });
});
