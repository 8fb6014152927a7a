import { describe, expect, it } from "vitest";
import { checkJsonata, compileJsonata, ExpressionError, toPlainJson } from "./jsonata-runner";

const event = {
  specversion: "1.0",
  id: "e1",
  type: "order.created",
  source: "shop",
  data: { total: 120, customer: { id: "c1", name: "Ann" }, items: [{ sku: "a", qty: 2, price: 5 }, { sku: "b", qty: 1, price: 30 }] },
};

const run = (source: string, timeoutMs = 50) => compileJsonata(source, { timeoutMs }).evaluate(event);

const good: Array<[string, string, unknown]> = [
  ["field", "data.total", 120],
  ["object construction", '{"who": data.customer.name, "amount": data.total * 2}', { who: "Ann", amount: 240 }],
  ["merge keeps data", '$merge([data, {"vip": data.total > 100}])', { ...event.data, vip: true }],
  ["aggregation over arrays", "$sum(data.items.(qty * price))", 40],
  ["mapping with a lambda", "$map(data.items, function($i){ $uppercase($i.sku) })", ["A", "B"]],
  ["string functions", '$join([type, source], "@")', "order.created@shop"],
  ["conditional", 'data.total > 100 ? "big" : "small"', "big"],
  ["small range", "$count([1..1000])", 1000],
  ["$pad right", '$pad("ab", 5, "#")', "ab###"],
  ["$pad left, in code points", '$pad("😀", -3, "é")', "éé😀"],
  ["$pad on the context", 'data.customer.name.$pad(5, ".")', "Ann.."],
  ["nothing", "data.missing", undefined],
  ["tail recursion that ends", "($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + $n) }; $f(100, 0))", 5050],
];

describe("JSONata sandbox: ordinary expressions", () => {
  it.each(good)("%s", async (_name, source, expected) => {
    expect(checkJsonata(source)).toBeUndefined();
    // A roomy budget: these must pass even on a loaded CI machine.
    expect(await run(source, 1_000)).toEqual(expected);
  });
});

/** Hostile expressions: each either fails with a clear error or yields nothing, within its budget. */
const hostile: Array<[string, string, RegExp | "nothing"]> = [
  ["read process", "process", "nothing"],
  ["read $process", "$process.env", "nothing"],
  ["call require", '$require("fs")', /JSONata T1006/],
  ["call process.exit", "$process.exit(1)", "nothing"],
  ["$eval is disabled", '$eval("1 + 1")', /\$eval is not available/],
  ["constructor chain", 'constructor.constructor("return process")()', "nothing"],
  ["constructor via $lookup", '$lookup($, "constructor")', "nothing"],
  ["prototype via path", "data.__proto__", "nothing"],
  ["prototype via $lookup", '$lookup(data, "__proto__")', "nothing"],
  ["$$ root constructor", '$$.constructor.constructor("return this")()', "nothing"],
  ["infinite recursion", "($f := function($x){$f($x)}; $f(1))", /JSONata D1012: Evaluation timeout/],
  ["deep non-tail recursion", "($f := function($x){ 1 + $f($x + 1) }; $f(1))", /JSONata D1011|JSONata D1012/],
  ["huge range", "[1..100000000]", /JSONata D2014/],
  ["range over the sequence limit", "$count([1..9999999])", /JSONata D2015/],
  ["one huge native allocation", '$length($pad("", 50000000))', /\$pad widths are limited to 100000/],
  // Under load the time budget may trip first; either way it is a clear error and the process lives.
  ["string doubling, then a native call over it", `($s := "xxxxxxxxxxxxxxxx"; ${"$s := $s & $s; ".repeat(23)} $length($s))`, /strings are limited to 1000000 characters|JSONata D1012/],
  ["a huge array from one native call", `$count($split($pad("", 99999) & $pad("", 99999), ""))`, /arrays are limited to 100000 items|JSONata D1012/],
  ["busy loop (a million steps)", "$count($map([1..1000], function($a){ $map([1..1000], function($b){ $a * $b }) }))", /JSONata D1012/],
];

describe("JSONata sandbox: hostile expressions", () => {
  it.each(hostile)("%s", async (_name, source, expected) => {
    const started = Date.now();
    const outcome = run(source, 50);
    if (expected === "nothing") await expect(outcome).resolves.toBeUndefined();
    else await expect(outcome).rejects.toThrow(expected);
    await outcome.catch((error: unknown) => expect(error).toBeInstanceOf(ExpressionError));
    // The budget holds (generous slack for a loaded CI machine), and the process is still fine afterwards.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await run("data.total", 1_000)).toBe(120);
  });

  it("cannot pollute prototypes through $merge or object keys", async () => {
    const merged = await run('$merge([{"__proto__": {"polluted": "yes"}}, {"constructor": {"prototype": {"polluted": "yes"}}}])');
    const built = await run('{"__proto__": {"polluted": "yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect((built as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps the incoming event unchanged", async () => {
    const before = JSON.stringify(event);
    await run('$merge([data, {"total": 0}])');
    expect(JSON.stringify(event)).toBe(before);
  });
});

describe("compile errors and limits", () => {
  it.each(["data.(", "$sum(data.total", "{ 'a': }", '"unterminated'])("reports %s with JSONata's code and position", (source) => {
    expect(checkJsonata(source)).toMatch(/^JSONata S0\d{3}: .+/);
    expect(() => compileJsonata(source, { timeoutMs: 10 })).toThrow(ExpressionError);
  });

  it.each(["/(a+)+$/", "/^(\\w*x)*y/", "/(ab{2,})+/"])("refuses the catastrophic-backtracking regex %s at compile time", (regex) => {
    const source = `$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", ${regex})`;
    expect(checkJsonata(source)).toMatch(/nests quantifiers/);
    expect(() => compileJsonata(source, { timeoutMs: 10 })).toThrow(/nests quantifiers/);
  });

  it("accepts ordinary regexes", async () => {
    expect(await compileJsonata('$match("order-42", /order-(\\d+)/).groups[0]', { timeoutMs: 1_000 }).evaluate({})).toBe("42");
    expect(checkJsonata('$contains(type, /^order\\.(created|paid)$/)')).toBeUndefined();
  });

  it("stops a step that produces an over-long string or array, whatever the time budget", async () => {
    const doubling = `($s := "xxxxxxxxxxxxxxxx"; ${"$s := $s & $s; ".repeat(23)} $length($s))`;
    await expect(compileJsonata(doubling, { timeoutMs: 1_000 }).evaluate({})).rejects.toThrow(/strings are limited to 1000000 characters/);
    const split = `$count($split($pad("", 99999) & $pad("", 99999), ""))`;
    await expect(compileJsonata(split, { timeoutMs: 1_000 }).evaluate({})).rejects.toThrow(/arrays are limited to 100000 items/);
  });

  it("bounds the size of a result", async () => {
    await expect(compileJsonata("[1..500]", { timeoutMs: 50, maxOutputValues: 100 }).evaluate({})).rejects.toThrow(/more than 100 values/);
  });

  it("copies results into plain JSON", () => {
    const fn = () => 1;
    expect(toPlainJson({ a: [1, Number.NaN, fn], b: undefined, c: { d: "x" } }, 100)).toEqual({ a: [1, null], c: { d: "x" } });
  });
});
