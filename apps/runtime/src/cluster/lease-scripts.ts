/**
 * The token-checked Redis lease operations every cluster lease shares (producer-lease.ts,
 * mqtt-session-slots.ts, kinesis-shard-leases.ts). A lease is a key holding its holder's token, taken with
 * `SET NX PX`; renewing and releasing compare the token first in one Lua script (atomic), so a process whose
 * lease lapsed can never extend or delete its successor's. (The producer lease renews with a script of its
 * own, which keeps its generators' progress alive along with the lease.)
 */
import type { Redis } from "ioredis";

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** Takes `key` for `token` when nobody holds it: true when taken. */
export async function acquireLease(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.set(key, token, "PX", ttlMs, "NX")) === "OK";
}

/** Extends the lease when `token` still holds it: false when it lapsed (and may be someone else's now). */
export async function renewLease(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return Number(await redis.eval(RENEW, 1, key, token, ttlMs)) === 1;
}

/** Deletes the lease when `token` still holds it (a lapsed one may be a successor's: left alone). */
export async function releaseLease(redis: Redis, key: string, token: string): Promise<void> {
  await redis.eval(RELEASE, 1, key, token);
}

/** Renew three times per TTL: one late or lost renewal does not cost the lease. */
export const renewEveryMs = (ttlMs: number) => Math.max(50, Math.floor(ttlMs / 3));

/**
 * How long after its last confirmed renewal a holder may still act on a lease: a fifth of the TTL is left as
 * margin for clock drift and a slow Redis, so the holder stops before the lease can have passed to another.
 */
export const safeForMs = (ttlMs: number) => Math.floor(ttlMs * 0.8);
