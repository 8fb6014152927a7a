/**
 * Cheap unique ids for the hot path. One random 64-bit prefix per deployment plus a counter gives
 * 32-hex event ids / trace ids and 16-hex span ids without calling the random source per event.
 */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** 8 hex chars from one random draw. */
export function randomHex32(random: () => number): string {
  const n = Math.floor(random() * 0x100000000) >>> 0;
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
}

/** An RFC 4122 version-4 UUID built from the injected random source (deterministic in tests). */
export function randomUuid(random: () => number): string {
  const a = randomHex32(random);
  const b = randomHex32(random);
  const c = randomHex32(random);
  const d = randomHex32(random);
  const variant = HEX[0x80 | (parseInt(c.slice(0, 2), 16) & 0x3f)]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(2, 4)}-${c.slice(4)}${d}`;
}

export interface IdSource {
  /** The next id in this deployment: 16 hex chars, never all zeros. */
  nextSpanId(): string;
  /** A 32-hex id unique across deployments (random prefix + the given span id). */
  longId(spanId: string): string;
}

export function createIdSource(random: () => number): IdSource {
  let prefix = randomHex32(random) + randomHex32(random);
  // An all-zero trace id is invalid in W3C trace context.
  if (prefix === "0000000000000000") prefix = "0000000000000001";
  let counter = 0;
  return {
    nextSpanId: () => (++counter).toString(16).padStart(16, "0"),
    longId: (spanId) => prefix + spanId,
  };
}
