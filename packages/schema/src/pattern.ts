import { z } from "zod";
import { matchesCidr, matchesWildcard, parseCidr } from "./pattern-matchers";

/**
 * Content patterns, EventBridge-style: a pattern mirrors the event's shape, and every leaf is a list of
 * matchers of which at least one must match. `{"data":{"total":[{"numeric":[">",100]}]}}` matches events whose
 * `data.total` is above 100. Arrays in the event match when any element matches.
 */
const LiteralSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const NumericOpSchema = z.enum(["<", "<=", "=", ">", ">="]);

const NumericSchema = z.union([
  z.tuple([NumericOpSchema, z.number()]),
  z.tuple([NumericOpSchema, z.number(), NumericOpSchema, z.number()]),
]);

const WildcardSchema = z.strictObject({ wildcard: z.string().max(1000).refine((w) => !w.includes("**"), "a wildcard may not hold consecutive stars") });
const CidrSchema = z.strictObject({ cidr: z.string().refine((c) => parseCidr(c) !== null, "not a CIDR range like 10.0.0.0/24 or 2001:db8::/32") });

const AnythingButSchema = z.union([
  LiteralSchema,
  z.array(LiteralSchema),
  z.strictObject({ prefix: z.string() }),
  z.strictObject({ suffix: z.string() }),
  z.strictObject({ "equals-ignore-case": z.string() }),
  WildcardSchema,
]);

export const MatcherSchema = z.union([
  LiteralSchema,
  z.strictObject({ prefix: z.string() }),
  z.strictObject({ suffix: z.string() }),
  z.strictObject({ "equals-ignore-case": z.string() }),
  z.strictObject({ "anything-but": AnythingButSchema }),
  z.strictObject({ numeric: NumericSchema }),
  z.strictObject({ exists: z.boolean() }),
  WildcardSchema,
  CidrSchema,
]);
export type Matcher = z.infer<typeof MatcherSchema>;

/** A field's matchers, a nested pattern, or — under the key `$or` only — alternative patterns of which one must match. */
export type Pattern = { [field: string]: Matcher[] | Pattern | Pattern[] };

/** The key whose value lists alternative patterns (EventBridge's `$or`). */
export const OR_KEY = "$or";

/** Deep enough for real events, shallow enough that a hostile pattern cannot blow the stack. */
export const MAX_PATTERN_DEPTH = 16;

export const PatternSchema: z.ZodType<Pattern> = z.lazy(() =>
  z.record(z.string().min(1), z.union([z.array(MatcherSchema).min(1), z.array(PatternSchema).min(2).max(16), PatternSchema])),
).superRefine((pattern, ctx) => {
  for (const [key, value] of Object.entries(pattern)) {
    const alternatives = Array.isArray(value) && value.every((item) => isRecord(item) && !isMatcherObject(item));
    if (key === OR_KEY && !alternatives) ctx.addIssue({ code: "custom", path: [key], message: "$or takes a list of at least two patterns" });
    if (key !== OR_KEY && alternatives && value.length > 0) ctx.addIssue({ code: "custom", path: [key], message: "only $or takes a list of patterns" });
  }
  if (depthOf(pattern) > MAX_PATTERN_DEPTH) {
    ctx.addIssue({ code: "custom", message: `patterns nest at most ${MAX_PATTERN_DEPTH} levels` });
  }
});

/** True for an object that is a matcher (e.g. `{prefix: "a"}`) rather than a nested pattern. */
function isMatcherObject(value: Record<string, unknown>): boolean {
  return MatcherSchema.safeParse(value).success;
}

function depthOf(pattern: Pattern): number {
  let deepest = 0;
  for (const [key, value] of Object.entries(pattern)) {
    // Records only: superRefine also runs on input that failed the shape checks.
    if (key === OR_KEY && Array.isArray(value)) {
      for (const alternative of value) if (isRecord(alternative)) deepest = Math.max(deepest, depthOf(alternative as Pattern));
    } else if (isRecord(value)) {
      deepest = Math.max(deepest, depthOf(value as Pattern));
    }
  }
  return deepest + 1;
}

/** True when `value` (usually a CloudEvent) matches `pattern`. Pure; used by the engine and the trace filter. */
export function matchesPattern(pattern: Pattern, value: unknown): boolean {
  for (const key of Object.keys(pattern)) {
    const rule = pattern[key];
    if (rule === undefined) continue;
    if (key === OR_KEY && Array.isArray(rule)) {
      if (!(rule as Pattern[]).some((alternative) => matchesPattern(alternative, value))) return false;
      continue;
    }
    const field = isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    const present = isRecord(value) && Object.hasOwn(value, key);
    if (Array.isArray(rule)) {
      if (!matchesLeaf(rule as Matcher[], field, present)) return false;
    } else if (Array.isArray(field)) {
      if (!field.some((item) => matchesPattern(rule, item))) return false;
    } else if (!matchesPattern(rule, field)) {
      return false;
    }
  }
  return true;
}

function matchesLeaf(matchers: Matcher[], field: unknown, present: boolean): boolean {
  const values = Array.isArray(field) ? field : [field];
  return matchers.some((matcher) => {
    if (isRecord(matcher) && "exists" in matcher) return matcher.exists === present;
    if (!present) return false;
    return values.some((value) => matchesOne(matcher, value));
  });
}

function matchesOne(matcher: Matcher, value: unknown): boolean {
  if (!isRecord(matcher)) return matcher === value;
  if ("prefix" in matcher) return typeof value === "string" && value.startsWith(matcher.prefix);
  if ("suffix" in matcher) return typeof value === "string" && value.endsWith(matcher.suffix);
  if ("equals-ignore-case" in matcher) {
    return typeof value === "string" && value.toLowerCase() === matcher["equals-ignore-case"].toLowerCase();
  }
  if ("numeric" in matcher) return typeof value === "number" && matchesNumeric(matcher.numeric, value);
  if ("wildcard" in matcher) return typeof value === "string" && matchesWildcard(matcher, value);
  if ("cidr" in matcher) return typeof value === "string" && matchesCidr(matcher, value);
  if ("anything-but" in matcher) return !matchesAnythingBut(matcher["anything-but"], value);
  return false;
}

function matchesAnythingBut(excluded: z.infer<typeof AnythingButSchema>, value: unknown): boolean {
  if (Array.isArray(excluded)) return excluded.includes(value as never);
  if (isRecord(excluded)) return matchesOne(excluded, value);
  return excluded === value;
}

function matchesNumeric(rule: z.infer<typeof NumericSchema>, value: number): boolean {
  const [op1, n1, op2, n2] = rule;
  if (!compare(op1, value, n1)) return false;
  return op2 === undefined || n2 === undefined || compare(op2, value, n2);
}

function compare(op: z.infer<typeof NumericOpSchema>, value: number, bound: number): boolean {
  switch (op) {
    case "<": return value < bound;
    case "<=": return value <= bound;
    case "=": return value === bound;
    case ">": return value > bound;
    case ">=": return value >= bound;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short human summary of a pattern for node faces: `data.total > 100`. */
export function summarizePattern(pattern: Pattern, prefix = ""): string[] {
  const parts: string[] = [];
  for (const [key, rule] of Object.entries(pattern)) {
    if (key === OR_KEY && Array.isArray(rule)) {
      parts.push(`(${(rule as Pattern[]).map((alternative) => summarizePattern(alternative, prefix).join(" and ")).join(") or (")})`);
      continue;
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(rule)) parts.push(`${path} ${(rule as Matcher[]).map(describeMatcher).join(" | ")}`);
    else parts.push(...summarizePattern(rule, path));
  }
  return parts;
}

function describeMatcher(matcher: Matcher): string {
  if (!isRecord(matcher)) return `= ${JSON.stringify(matcher)}`;
  if ("prefix" in matcher) return `starts with ${JSON.stringify(matcher.prefix)}`;
  if ("suffix" in matcher) return `ends with ${JSON.stringify(matcher.suffix)}`;
  if ("equals-ignore-case" in matcher) return `≈ ${JSON.stringify(matcher["equals-ignore-case"])}`;
  if ("exists" in matcher) return matcher.exists ? "exists" : "missing";
  if ("wildcard" in matcher) return `like ${JSON.stringify(matcher.wildcard)}`;
  if ("cidr" in matcher) return `in ${matcher.cidr}`;
  if ("numeric" in matcher) {
    const [op1, n1, op2, n2] = matcher.numeric;
    return op2 === undefined ? `${op1} ${n1}` : `${op1} ${n1} and ${op2} ${n2}`;
  }
  return `not ${JSON.stringify(matcher["anything-but"])}`;
}
