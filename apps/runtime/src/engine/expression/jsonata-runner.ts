/**
 * The JSONata sandbox for user expressions. JSONata is a pure query language: an expression reaches only
 * its input and the bindings it is given, and we bind nothing but a disabled `$eval` (so no expression can
 * compile code at run time that validation never saw). Evaluation is bounded by JSONata 2's own guardrails —
 * a wall-clock budget, an evaluation-depth limit and a sequence-length limit (ranges included) — and the
 * result is copied into plain JSON, bounded in size, so nothing but data leaves the sandbox.
 *
 * A single native regular-expression match cannot be interrupted (JSONata checks the budget between steps),
 * so regex literals are checked when the expression compiles: nested quantifiers such as `(a+)+` — the
 * classic catastrophic-backtracking shape — and very long patterns are refused. The check is a heuristic:
 * it stops the common shapes, not every slow regex.
 */
import type { ExpressionChecker } from "@eventloom/schema";
import jsonata from "jsonata";

export interface JsonataLimits {
  /** Wall-clock budget of one evaluation. */
  timeoutMs: number;
  /** Nested evaluation steps (deep recursion). */
  maxDepth?: number;
  /** Items in any one sequence or range. */
  maxSequence?: number;
  /** Values (objects, arrays, scalars) in the result. */
  maxOutputValues?: number;
}

const DEFAULTS = { maxDepth: 500, maxSequence: 100_000, maxOutputValues: 100_000 } as const;

/**
 * Longest string any evaluation step may produce. Without it, `$s := $s & $s` doubles a string in a handful
 * of steps, and one `$length` of a 100M-character string makes V8 abort the whole process (a fatal error,
 * not an exception). Checked after every step, so a string is caught within one doubling of the limit.
 */
export const MAX_STRING_LENGTH = 1_000_000;

/** An expression failed to compile or to evaluate; `message` says why in the user's terms. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
  readonly code = "EXPRESSION_FAILED";
}

/** A compiled expression, reusable across events (each evaluation gets its own environment). */
export interface JsonataProgram {
  evaluate(input: unknown): Promise<unknown>;
}

/** JSONata's errors are plain objects with a code, a message and a character position. */
function describe(error: unknown): string {
  if (error instanceof ExpressionError) return error.message;
  if (typeof error === "object" && error !== null) {
    const { code, message, position } = error as { code?: unknown; message?: unknown; position?: unknown };
    const where = typeof position === "number" ? ` (at character ${position})` : "";
    if (typeof code === "string" && typeof message === "string") return `JSONata ${code}: ${message}${where}`;
    if (typeof message === "string") return message;
  }
  return String(error);
}

const MAX_REGEX_LENGTH = 500;
/** A group holding a quantifier, itself quantified: `(a+)+`, `(\w*x)*`, `(a{2,})+`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;

/** Why a regex literal in the AST is refused, or undefined. */
function unsafeRegex(node: unknown, seen = new Set<unknown>()): string | undefined {
  if (node === null || typeof node !== "object" || seen.has(node)) return undefined;
  seen.add(node);
  const candidate = node as { type?: unknown; value?: unknown };
  if (candidate.type === "regex" && candidate.value instanceof RegExp) {
    const source = candidate.value.source;
    if (source.length > MAX_REGEX_LENGTH) return `regular expressions are limited to ${MAX_REGEX_LENGTH} characters`;
    if (NESTED_QUANTIFIER.test(source)) return `regular expression /${source}/ nests quantifiers, which can take exponential time; rewrite it without a quantified group that itself repeats`;
  }
  for (const value of Object.values(node)) {
    const reason = unsafeRegex(value, seen);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** Parses and vets an expression; throws ExpressionError with the reason. */
function parse(source: string, options?: jsonata.JsonataOptions): jsonata.Expression {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, options);
  } catch (error) {
    throw new ExpressionError(describe(error), { cause: error });
  }
  const regex = unsafeRegex(expression.ast());
  if (regex !== undefined) throw new ExpressionError(regex);
  return expression;
}

/** Returns why `source` does not compile, or undefined (used by validateGraph's expression check). */
export function checkJsonata(source: string): string | undefined {
  try {
    parse(source);
    return undefined;
  } catch (error) {
    return describe(error);
  }
}

/** The checker validateGraph takes (`{ checkExpression }`): compiles every user expression of a graph. */
export const checkExpression: ExpressionChecker = (_language, source) => checkJsonata(source);

const disabled = (name: string) => () => {
  throw new ExpressionError(`$${name} is not available in Eventloom expressions`);
};

/** Compiles once; throws ExpressionError when the expression does not compile. */
export function compileJsonata(source: string, limits: JsonataLimits): JsonataProgram {
  const maxDepth = limits.maxDepth ?? DEFAULTS.maxDepth;
  const maxSequence = limits.maxSequence ?? DEFAULTS.maxSequence;
  const maxOutputValues = limits.maxOutputValues ?? DEFAULTS.maxOutputValues;
  const expression = parse(source, { timeout: limits.timeoutMs, stack: maxDepth, sequence: maxSequence });
  // The one built-in that allocates without bound in a single native call: `$pad("", 1e8)` takes seconds and
  // hundreds of MB before any budget check runs. Same signature, bounded width.
  expression.registerFunction("pad", boundedPad, "<s-ns?:s>");
  expression.assign(Symbol.for("jsonata.__evaluate_exit") as unknown as string, (_node: unknown, _input: unknown, _env: unknown, result: unknown) => {
    if (typeof result === "string" && result.length > MAX_STRING_LENGTH) throw new ExpressionError(`strings are limited to ${MAX_STRING_LENGTH} characters`);
    if (Array.isArray(result) && result.length > maxSequence) throw new ExpressionError(`arrays are limited to ${maxSequence} items`);
  });
  const bindings = { eval: disabled("eval") };
  return {
    async evaluate(input) {
      let result: unknown;
      try {
        result = await expression.evaluate(input, bindings);
      } catch (error) {
        throw new ExpressionError(describe(error), { cause: error });
      }
      return toPlainJson(result, maxOutputValues);
    },
  };
}

/** Widest `$pad` allowed, in characters. */
export const MAX_PAD_WIDTH = 100_000;

/** JSONata's `$pad` (positive width pads right, negative pads left, in code points) with a bounded width. */
export function boundedPad(text: string | undefined, width: number, fill?: string): string | undefined {
  if (text === undefined) return undefined;
  if (!Number.isFinite(width) || Math.abs(width) > MAX_PAD_WIDTH) throw new ExpressionError(`$pad widths are limited to ${MAX_PAD_WIDTH} characters`);
  const fillChars = Array.from(fill === undefined || fill === "" ? " " : fill);
  const missing = Math.abs(Math.trunc(width)) - Array.from(text).length;
  if (missing <= 0) return text;
  let padding = "";
  for (let i = 0; i < missing; i++) padding += fillChars[i % fillChars.length];
  return width < 0 ? padding + text : text + padding;
}

/**
 * Copies a JSONata result into plain JSON: own enumerable keys of plain objects, arrays (JSONata sequences
 * carry extra properties), finite numbers, strings, booleans, null. Functions and undefined are left out, as
 * JSON.stringify would. Bounded, so a result cannot grow without limit.
 */
export function toPlainJson(value: unknown, maxValues: number): unknown {
  let budget = maxValues;
  const copy = (v: unknown): unknown => {
    if (--budget < 0) throw new ExpressionError(`the result holds more than ${maxValues} values`);
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v) {
        const c = copy(item);
        if (c !== undefined) out.push(c);
      }
      return out;
    }
    if (typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        const c = copy((v as Record<string, unknown>)[key]);
        // defineProperty, not assignment: a key named __proto__ stays a plain own key.
        if (c !== undefined) Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return undefined;
  };
  return copy(value);
}
