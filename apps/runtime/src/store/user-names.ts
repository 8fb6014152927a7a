/**
 * Display names by user id, for messages that name a user without a request to take it from (who saved a
 * flow, who joined it). Cached: names are read on every save and presence join, and change rarely.
 */
import type { PrismaClient } from "@eventloom/prisma";

export interface UserNames {
  /** The user's name (their email when the name is empty); null for an unknown id. */
  nameOf(userId: string): Promise<string | null>;
}

/** Bounded so a long-lived process does not keep every user it ever saw. */
const CACHE_LIMIT = 1000;

export function createUserNames(client: PrismaClient): UserNames {
  const cache = new Map<string, string>();
  return {
    async nameOf(userId) {
      const cached = cache.get(userId);
      if (cached !== undefined) return cached;
      const user = await client.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
      if (!user) return null;
      const name = user.name.trim() || user.email;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(userId, name);
      return name;
    },
  };
}
