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
    const next: Record<string, unknown> = isPlainRecord(existing) ? { ...existing } : {};
    defineOwn(target, segment, next);
    target = next;
  }
  defineOwn(target, segments[last]!, value);
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Own data property, even for names a setter would intercept: defence in depth behind compilePath. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (FORBIDDEN_SEGMENTS.has(key)) throw new UnsafePathError(`refusing to write "${key}"`);
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
