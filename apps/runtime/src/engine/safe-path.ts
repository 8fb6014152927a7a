/**
 * Dotted-path reads and writes for transform mappings that can never reach an object's prototype: reads
 * follow own properties only, and paths with `__proto__`, `constructor` or `prototype` are refused when
 * the mapping is compiled.
 */

const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export class UnsafePathError extends Error {
  override name = "UnsafePathError";
}

/** Splits `data.customer.id` into segments; throws UnsafePathError for prototype-reaching segments. */
export function compilePath(path: string): readonly string[] {
  const segments = path.split(".");
  for (const segment of segments) {
    if (segment === "" || FORBIDDEN_SEGMENTS.has(segment)) {
      throw new UnsafePathError(`path "${path}" uses the forbidden segment "${segment}"`);
    }
  }
  return Object.freeze(segments);
}

/** The value at `segments` inside `root`, following own properties only; undefined when absent. */
export function readPath(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Writes `value` at `segments` inside `root` (a fresh object the caller owns). Nested objects on the way are
 * copied before writing, so objects shared with the incoming event are never mutated.
 */
export function writePath(root: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let target = root;
  const last = segments.length - 1;
  for (let i = 0; i < last; i++) {
    const segment = segments[i]!;
    const existing = Object.hasOwn(target, segment) ? target[segment] : undefined;
    const next: Record<string, unknown> = isPlainRecord(existing) ? copyRecord(existing) : {};
    defineOwn(target, segment, next);
    target = next;
  }
  defineOwn(target, segments[last]!, value);
}

/**
 * A shallow copy with own data properties only. Not `{...source}`: V8 gives spread clones maps that make
 * every later property add slow (~1 µs each); not Object.assign: it would run the `__proto__` setter for
 * an own `__proto__` key (e.g. from JSON.parse) and swap the copy's prototype.
 */
export function copyRecord(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key === "__proto__") Object.defineProperty(out, key, { value: source[key], writable: true, enumerable: true, configurable: true });
    else out[key] = source[key];
  }
  return out;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Plain assignment is safe once compilePath has refused `__proto__` (the only key whose assignment reaches
 * the prototype); the check here is a cheap second line of defence. defineProperty would be slower and
 * would push the object into dictionary mode.
 */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") throw new UnsafePathError(`refusing to write "${key}"`);
  target[key] = value;
}
