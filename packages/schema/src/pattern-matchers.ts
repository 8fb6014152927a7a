/**
 * The pattern matchers that need more than a comparison: `wildcard` (`*` matches any run of characters,
 * `\*` a literal star) and `cidr` (IPv4 or IPv6 address ranges), as in EventBridge. Both compile their
 * operand once per matcher object and cache it, so matching a stream of events does not re-parse it.
 */

const wildcardCache = new WeakMap<object, string[]>();
const cidrCache = new WeakMap<object, Cidr | null>();

interface Cidr {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
}

/** Splits a wildcard into the literal segments between unescaped stars. */
export function wildcardSegments(pattern: string): string[] {
  const segments: string[] = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\" && pattern[i + 1] === "*") {
      current += "*";
      i++;
    } else if (ch === "*") {
      segments.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  segments.push(current);
  return segments;
}

/** True when `value` matches the wildcard; linear in the value's length per segment (no regex, no backtracking blow-up). */
export function matchesWildcard(matcher: { wildcard: string }, value: string): boolean {
  let segments = wildcardCache.get(matcher);
  if (!segments) {
    segments = wildcardSegments(matcher.wildcard);
    wildcardCache.set(matcher, segments);
  }
  const first = segments[0]!;
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1]!;
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const found = value.indexOf(segments[i]!, at);
    if (found < 0 || found + segments[i]!.length > end) return false;
    at = found + segments[i]!.length;
  }
  return true;
}

/** True when `value` is an IP address inside the matcher's CIDR range (same IP version only). */
export function matchesCidr(matcher: { cidr: string }, value: string): boolean {
  let range = cidrCache.get(matcher);
  if (range === undefined) {
    range = parseCidr(matcher.cidr);
    cidrCache.set(matcher, range);
  }
  if (range === null) return false;
  const address = parseIp(value);
  return address !== null && address.version === range.version && (address.value & range.mask) === range.network;
}

/** Parses `a.b.c.d/n` or `v6::/n`; null when it is not a valid range. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf("/");
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bitsText)) return null;
  const width = ip.version === 4 ? 32 : 128;
  const bits = Number(bitsText);
  if (bits > width) return null;
  const all = (1n << BigInt(width)) - 1n;
  const mask = bits === 0 ? 0n : (all << BigInt(width - bits)) & all;
  return { version: ip.version, network: ip.value & mask, mask };
}

function parseIp(text: string): { version: 4 | 6; value: bigint } | null {
  if (text.includes(":")) {
    const value = parseIpv6(text);
    return value === null ? null : { version: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { version: 4, value };
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] === "" ? [] : halves[0]!.split(":");
  const tail = halves.length === 2 && halves[1] !== "" ? halves[1]!.split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}
