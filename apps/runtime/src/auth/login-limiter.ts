/**
 * Login rate limit: at most 5 failed sign-ins per email+IP in 15 minutes; the 6th attempt inside the window is
 * refused with 429 before the password is checked. Failures live in the database (LoginFailure), so several
 * runtime processes sharing it enforce one limit. A successful sign-in clears the key's failures.
 */
import type { PrismaClient } from "@eventloom/prisma";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface LoginLimiter {
  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfterSeconds(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export function loginKey(email: string, ip: string): string {
  return `${email}|${ip}`;
}

export function createLoginLimiter(client: PrismaClient, now: () => number, limits = { maxFailures: LOGIN_MAX_FAILURES, windowMs: LOGIN_WINDOW_MS }): LoginLimiter {
  return {
    async retryAfterSeconds(key) {
      const since = new Date(now() - limits.windowMs);
      const failures = await client.loginFailure.findMany({
        where: { key, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        take: limits.maxFailures,
        select: { createdAt: true },
      });
      if (failures.length < limits.maxFailures) return 0;
      // Allowed again when the oldest of the last `maxFailures` failures leaves the window.
      const oldest = failures[failures.length - 1]!.createdAt.getTime();
      return Math.max(1, Math.ceil((oldest + limits.windowMs - now()) / 1000));
    },
    async recordFailure(key) {
      await client.loginFailure.create({ data: { key, createdAt: new Date(now()) } });
      // Housekeeping: forget failures that can no longer count, for every key.
      await client.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now() - limits.windowMs) } } });
    },
    async clear(key) {
      await client.loginFailure.deleteMany({ where: { key } });
    },
  };
}
