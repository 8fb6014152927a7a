/**
 * Malformed and hostile request bodies from a seeded PRNG (the engine tests' seededRandom, mulberry32), so a
 * failing case reproduces from its seed and index. Each body says how it is sent (raw text + content type) and which class it is.
 */

export type BodyClass =
  | "not-json"
  | "wrong-content-type"
  | "oversize"
  | "deep-nesting"
  | "prototype-keys"
  | "wrong-type"
  | "huge-string"
  | "unknown-keys"
  | "mutated-valid";

export interface FuzzBody {
  kind: BodyClass;
  text: string;
  contentType: string;
}

export type Random = () => number;

const int = (random: Random, max: number) => Math.floor(random() * max);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "😀".repeat(50),
  "<script>alert(1)</script>",
  "'; DROP TABLE \"User\"; --",
  "../../etc/passwd",
  "%00%2e%2e",
  "{{constructor.constructor('return process')()}}",
  "$where",
  "NaN",
  "-0",
  "1e309",
];

function randomString(random: Random, maxLength = 40): string {
  if (random() < 0.4) return pick(random, NASTY_STRINGS);
  const length = int(random, maxLength);
  let out = "";
  for (let i = 0; i < length; i += 1) out += String.fromCharCode(32 + int(random, 0x2000));
  return out;
}

/** Any JSON value, at most `depth` levels deep. */
export function randomJson(random: Random, depth = 3): unknown {
  const roll = int(random, depth > 0 ? 9 : 6);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(random, [0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MIN_VALUE, 721, 10_001]);
    case 3:
    case 4:
      return randomString(random);
    case 5:
      return pick(random, [[], {}, [null], ""]);
    case 6:
    case 7:
      return Object.fromEntries(Array.from({ length: 1 + int(random, 4) }, () => [randomString(random, 12) || "k", randomJson(random, depth - 1)]));
    default:
      return Array.from({ length: int(random, 4) }, () => randomJson(random, depth - 1));
  }
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `levels` deep, as text (building it as a value would blow the stack). */
function deeplyNested(random: Random, levels: number): string {
  if (random() < 0.5) return "[".repeat(levels) + "]".repeat(levels);
  return '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
}

const PROTO_BODIES = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"name":"x","__proto__":{"isAdmin":true,"polluted":"yes"}}',
  '{"graph":{"nodes":[{"__proto__":{"polluted":"yes"}}],"edges":[]},"name":"p"}',
  '{"prototype":{"polluted":"yes"},"role":"owner"}',
  '{"data":{"constructor":{"prototype":{"polluted":"yes"}}}}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

/**
 * One hostile body. `valid` is a well-formed body for the endpoint: "mutated-valid" bodies start from it
 * and break one field (a wrong type, an extra key, a huge value), so the schema's deeper checks get reached.
 */
export function hostileBody(random: Random, valid: Record<string, unknown>, limitBytes: number): FuzzBody {
  const json = "application/json";
  const roll = random();
  if (roll < 0.1) {
    const text = pick(random, ["{", "}", "{'a':1}", "[1,]", "undefined", "NaN", '{"a":1}}', "\u0000", '{"a":"\\u12"}', "tru", "<xml/>", "a=1&b=2", "{\"a\":1", "--"]);
    return { kind: "not-json", text: random() < 0.5 ? text : text + randomString(random), contentType: json };
  }
  if (roll < 0.18) {
    const contentType = pick(random, ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonx", "image/png", "text/json"]);
    return { kind: "wrong-content-type", text: JSON.stringify(valid), contentType };
  }
  if (roll < 0.19) {
    return { kind: "oversize", text: JSON.stringify({ ...valid, pad: "x".repeat(limitBytes + int(random, 1000)) }), contentType: json };
  }
  if (roll < 0.26) {
    return { kind: "deep-nesting", text: deeplyNested(random, 10_000), contentType: json };
  }
  if (roll < 0.36) {
    return { kind: "prototype-keys", text: pick(random, PROTO_BODIES), contentType: json };
  }
  if (roll < 0.52) {
    let value = randomJson(random);
    // An empty object is a valid "no options" body for some endpoints; hostile means not valid.
    if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) value = [];
    return { kind: "wrong-type", text: JSON.stringify(value), contentType: json };
  }
  if (roll < 0.6) {
    const keys = Object.keys(valid);
    const key = keys.length > 0 ? pick(random, keys) : "name";
    return { kind: "huge-string", text: JSON.stringify({ ...valid, [key]: "y".repeat(20_000 + int(random, 80_000)) }), contentType: json };
  }
  if (roll < 0.7) {
    return { kind: "unknown-keys", text: JSON.stringify({ ...valid, [randomString(random, 10) || "extra"]: randomJson(random, 1), zz_unknown: 1 }), contentType: json };
  }
  const keys = Object.keys(valid);
  const mutated: Record<string, unknown> = { ...valid };
  if (keys.length === 0) mutated.unexpected = randomJson(random, 2);
  else {
    const key = pick(random, keys);
    let replacement = randomJson(random, 2);
    // Keep it wrong: never the same type as the valid value (a random string could be a valid name).
    while (typeof replacement === typeof valid[key] && !(typeof replacement === "object")) replacement = randomJson(random, 2);
    mutated[key] = replacement;
  }
  return { kind: "mutated-valid", text: JSON.stringify(mutated), contentType: json };
}
