/**
 * Generator templates: JSON values whose strings may hold placeholders. Compiled once per node into a tree
 * of fillers, so producing an event walks precompiled parts instead of parsing strings.
 */
import type { JsonValue } from "@eventloom/schema";
import { deepFreeze } from "./freeze";
import { randomUuid } from "./ids";

/** What placeholders read while one event is being filled. */
export interface TemplateContext {
  seq: number;
  /** ISO-8601 time of the event being built. */
  nowIso: string;
  random: () => number;
  /** The key drawn by the generator's key skew for this event ("" when key skew is off). */
  key: string;
}

export type Filler = (ctx: TemplateContext) => unknown;

/** Thrown for an unknown placeholder or bad arguments; the deploy reports it against the node. */
export class TemplateError extends Error {
  override name = "TemplateError";
}

const PLACEHOLDER = /\{\{\s*([a-z]+)((?:\s+[^\s}]+)*)\s*\}\}/g;
const EXACT = /^\{\{\s*([a-z]+)((?:\s+[^\s}]+)*)\s*\}\}$/;

/** Compiles a template value; constant subtrees are frozen and shared by every event. */
export function compileTemplate(template: JsonValue): Filler {
  const filler = compileValue(template);
  return filler ?? constant(deepFreeze(template));
}

/** Compiles a string template that always yields a string (used for partition keys). */
export function compileStringTemplate(template: string): (ctx: TemplateContext) => string {
  const filler = compileString(template);
  if (!filler) return () => template;
  return (ctx) => String(filler(ctx));
}

/** Returns undefined when the value holds no placeholder (so callers can share it as a constant). */
function compileValue(value: JsonValue): Filler | undefined {
  if (typeof value === "string") return compileString(value);
  if (Array.isArray(value)) return compileArray(value);
  if (value !== null && typeof value === "object") return compileObject(value);
  return undefined;
}

function compileArray(items: JsonValue[]): Filler | undefined {
  const compiled = items.map((item) => compileValue(item));
  if (compiled.every((f) => f === undefined)) return undefined;
  const fillers = items.map((item, i) => compiled[i] ?? constant(deepFreeze(item)));
  return (ctx) => fillers.map((fill) => fill(ctx));
}

function compileObject(object: { [key: string]: JsonValue }): Filler | undefined {
  const keys = Object.keys(object);
  const fillers = keys.map((key) => compileValue(object[key]!));
  if (fillers.every((f) => f === undefined)) return undefined;
  const parts = keys.map((key, i) => fillers[i] ?? constant(deepFreeze(object[key]!)));
  return (ctx) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = parts[i]!(ctx);
    return out;
  };
}

function compileString(text: string): Filler | undefined {
  const exact = EXACT.exec(text);
  if (exact) return placeholder(exact[1]!, splitArgs(exact[2]!));
  const pieces: (string | Filler)[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push(placeholder(match[1]!, splitArgs(match[2]!)));
    last = match.index + match[0].length;
  }
  if (pieces.length === 0) return undefined;
  if (last < text.length) pieces.push(text.slice(last));
  return (ctx) => {
    let out = "";
    for (const piece of pieces) out += typeof piece === "string" ? piece : String(piece(ctx));
    return out;
  };
}

function splitArgs(raw: string): string[] {
  const trimmed = raw.trim();
  return trimmed === "" ? [] : trimmed.split(/\s+/);
}

function placeholder(name: string, args: string[]): Filler {
  switch (name) {
    case "uuid":
      return arity(name, args, 0, () => (ctx) => randomUuid(ctx.random));
    case "seq":
      return arity(name, args, 0, () => (ctx) => ctx.seq);
    case "now":
      return arity(name, args, 0, () => (ctx) => ctx.nowIso);
    case "key":
      return arity(name, args, 0, () => (ctx) => ctx.key);
    case "int":
      return arity(name, args, 2, () => intFiller(args));
    case "float":
      return arity(name, args, 2, () => floatFiller(args));
    case "pick":
      if (args.length === 0) throw new TemplateError("{{pick}} needs at least one choice, e.g. {{pick a b c}}");
      return (ctx) => args[Math.floor(ctx.random() * args.length)] ?? args[0];
    default:
      throw new TemplateError(`unknown placeholder {{${name}}}`);
  }
}

function arity(name: string, args: string[], expected: number, make: () => Filler): Filler {
  if (args.length !== expected) {
    throw new TemplateError(`{{${name}}} takes ${expected === 0 ? "no arguments" : `${expected} arguments (MIN MAX)`}`);
  }
  return make();
}

function bounds(name: string, args: string[]): [number, number] {
  const min = Number(args[0]);
  const max = Number(args[1]);
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new TemplateError(`{{${name} ${args.join(" ")}}}: MIN and MAX must be numbers`);
  if (min > max) throw new TemplateError(`{{${name} ${args.join(" ")}}}: MIN is greater than MAX`);
  return [min, max];
}

function intFiller(args: string[]): Filler {
  const [min, max] = bounds("int", args);
  if (!Number.isInteger(min) || !Number.isInteger(max)) throw new TemplateError(`{{int ${args.join(" ")}}}: MIN and MAX must be integers`);
  const span = max - min + 1;
  return (ctx) => min + Math.floor(ctx.random() * span);
}

function floatFiller(args: string[]): Filler {
  const [min, max] = bounds("float", args);
  const span = max - min;
  return (ctx) => min + ctx.random() * span;
}

function constant(value: unknown): Filler {
  return () => value;
}
