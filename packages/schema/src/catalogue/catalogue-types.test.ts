import { describe, expect, it } from "vitest";
import { validateGraph } from "../validate-graph";
import { AlertConfigSchema } from "./alert";
import { GeneratorConfigSchema, TransformConfigSchema } from "./index";
import { defaultConfig, nodeFacts, nodeOutputs } from "./index";
import { WebhookOutConfigSchema } from "./webhook-out";
import { WindowConfigSchema } from "./window";

const router = (config: Record<string, unknown>) => ({ id: "r", kind: "consumer", type: "router", config });
const channel = (id: string) => ({ id, kind: "channel", type: "memory", config: {} });

describe("router outputs follow its config", () => {
  it("derives one port per distinct rule output, then otherwise", () => {
    const config = { rules: [{ output: "eu", pattern: { source: [{ prefix: "eu" }] } }, { output: "us", pattern: {} }, { output: "eu", pattern: {} }], otherwise: "other" };
    expect(nodeOutputs("router", config).map((p) => p.id)).toEqual(["eu", "us", "other"]);
    expect(nodeOutputs("router", { ...config, otherwise: "" }).map((p) => p.id)).toEqual(["eu", "us"]);
  });

  it("falls back to the static ports for an unparseable config and to [] for unknown types", () => {
    expect(nodeOutputs("router", { rules: "nope" }).map((p) => p.id)).toEqual(["big", "rest"]);
    expect(nodeOutputs("filter", {}).map((p) => p.id)).toEqual(["out"]);
    expect(nodeOutputs("log", {})).toEqual([]);
    expect(nodeOutputs("nope", {})).toEqual([]);
  });

  it("lets validateGraph accept edges from named ports and refuse unknown ones", () => {
    const graph = {
      nodes: [
        { id: "in", kind: "producer", type: "manual", config: {} },
        channel("a"),
        router({ rules: [{ output: "eu", pattern: {} }], otherwise: "" }),
        channel("b"),
        channel("c"),
        { id: "log", kind: "consumer", type: "log", config: {} },
      ],
      edges: [
        { id: "e1", source: "in", target: "a" },
        { id: "e2", source: "a", target: "r" },
        { id: "e3", source: "r", sourcePort: "eu", target: "b" },
        { id: "e4", source: "r", sourcePort: "rest", target: "c" },
        { id: "e5", source: "b", target: "log" },
        { id: "e6", source: "c", target: "log" },
      ],
    };
    const problems = validateGraph(graph).filter((p) => p.severity === "error");
    expect(problems).toEqual([expect.objectContaining({ code: "UNKNOWN_PORT", edgeId: "e4", path: ["edges", 3, "sourcePort"] })]);
  });

  it("warns about a router output that leads nowhere", () => {
    const graph = {
      nodes: [
        { id: "in", kind: "producer", type: "manual", config: {} },
        channel("a"),
        router({ rules: [{ output: "eu", pattern: {} }], otherwise: "rest" }),
        channel("b"),
        { id: "log", kind: "consumer", type: "log", config: {} },
      ],
      edges: [
        { id: "e1", source: "in", target: "a" },
        { id: "e2", source: "a", target: "r" },
        { id: "e3", source: "r", sourcePort: "eu", target: "b" },
        { id: "e4", source: "b", target: "log" },
      ],
    };
    expect(validateGraph(graph)).toEqual([
      expect.objectContaining({ code: "MISSING_OUTPUT", severity: "warning", nodeId: "r", path: ["nodes", 2, "config"], message: expect.stringContaining('output "rest"') }),
    ]);
  });
});

describe("expression checks at validate time", () => {
  const graph = (expression: string) => ({
    nodes: [
      { id: "in", kind: "producer", type: "manual", config: {} },
      channel("a"),
      { id: "t", kind: "consumer", type: "transform", config: { language: "jsonata", expression } },
    ],
    edges: [{ id: "e1", source: "in", target: "a" }, { id: "e2", source: "a", target: "t" }],
  });
  const checker = (_language: "jsonata", source: string) => (source.includes("(") && !source.includes(")") ? "unbalanced parenthesis" : undefined);

  it("reports the checker's reason as INVALID_CONFIG at the expression's path", () => {
    const problems = validateGraph(graph("$sum(data.x"), { checkExpression: checker });
    expect(problems).toContainEqual(expect.objectContaining({ code: "INVALID_CONFIG", nodeId: "t", path: ["nodes", 2, "config", "expression"], message: expect.stringContaining("unbalanced") }));
  });

  it("passes good expressions, and checks nothing without a checker or in mappings mode", () => {
    expect(validateGraph(graph("$sum(data.x)"), { checkExpression: checker }).filter((p) => p.code === "INVALID_CONFIG")).toEqual([]);
    expect(validateGraph(graph("$sum(data.x")).filter((p) => p.code === "INVALID_CONFIG")).toEqual([]);
    const mappings = graph("$sum(data.x");
    mappings.nodes[2]!.config = { language: "mappings", expression: "$sum(data.x" };
    expect(validateGraph(mappings, { checkExpression: checker }).filter((p) => p.code === "INVALID_CONFIG")).toEqual([]);
  });
});

describe("new config schemas", () => {
  it("keeps old transform configs valid (mappings stays the default language)", () => {
    expect(TransformConfigSchema.parse({ mappings: [] }).language).toBe("mappings");
    expect(TransformConfigSchema.safeParse({ language: "jsonata", timeoutMs: 5_000 }).success).toBe(false);
  });

  it("generator bursts and key skew default to off", () => {
    expect(GeneratorConfigSchema.parse({})).toMatchObject({ burstSize: 0, keyCount: 0 });
    expect(nodeFacts("generator", { burstSize: 100, burstIntervalMs: 1000, keyCount: 50, keySkew: 1.2 })).toEqual(
      expect.arrayContaining(["bursts 100 / 1000 ms", "50 keys, skew 1.2"]),
    );
  });

  it("windows: the slide must divide the size; count windows are bounded", () => {
    expect(WindowConfigSchema.safeParse({ kind: "sliding", size: 10_000, slide: 3_000 }).error?.issues[0]?.path).toEqual(["slide"]);
    expect(WindowConfigSchema.safeParse({ kind: "sliding", size: 10_000, slide: 2_500 }).success).toBe(true);
    expect(WindowConfigSchema.safeParse({ by: "count", size: 20_000 }).success).toBe(false);
    expect(WindowConfigSchema.safeParse({ by: "time", size: 5 }).success).toBe(false);
  });

  it("alerts: the check interval must divide the window", () => {
    expect(AlertConfigSchema.safeParse({ windowMs: 10_000, checkEveryMs: 3_000 }).success).toBe(false);
    expect(nodeFacts("alert", { aggregate: "avg", field: "data.latency", operator: ">=", threshold: 250 })[0]).toBe("avg(data.latency) >= 250");
  });

  it("webhook-out accepts only http(s) URLs", () => {
    expect(WebhookOutConfigSchema.safeParse({ url: "file:///etc/passwd" }).success).toBe(false);
    expect(WebhookOutConfigSchema.safeParse({ url: "https://example.com/hook" }).success).toBe(true);
    expect(defaultConfig("webhook-out")).toMatchObject({ mode: "binary", retries: 2 });
  });
});
