/**
 * Sessions: a random 32-byte token in the cookie, its SHA-256 in the database. Expiry slides: a session used
 * within 30 days lives on. To keep reads cheap, the slide is written at most once a minute per session.
 */
import type { PrismaClient } from "@eventloom/prisma";
import type { SignedInUser } from "./actor";
import { hashToken, newToken } from "./tokens";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const SLIDE_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionService {
  /** Starts a session; the returned token goes into the cookie and is never stored. */
  create(userId: string, userAgent: string | undefined): Promise<{ token: string; sessionId: string; expiresAt: Date }>;
  /** The user behind a token, or null when unknown or expired (expired rows are deleted on sight). */
  resolve(token: string): Promise<SignedInUser | null>;
  /** Ends one session. */
  end(sessionId: string): Promise<void>;
  /** Ends every session of the user; returns how many. */
  endAll(userId: string): Promise<number>;
}

export function createSessionService(client: PrismaClient, now: () => number): SessionService {
  return {
    async create(userId, userAgent) {
      const token = newToken();
      const expiresAt = new Date(now() + SESSION_TTL_MS);
      const session = await client.session.create({
        data: { tokenHash: hashToken(token), userId, expiresAt, lastSeenAt: new Date(now()), userAgent: userAgent?.slice(0, 300) ?? null },
      });
      return { token, sessionId: session.id, expiresAt };
    },
    async resolve(token) {
      if (token.length === 0 || token.length > 200) return null;
      const session = await client.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
      if (!session) return null;
      const at = now();
      if (session.expiresAt.getTime() <= at) {
        await client.session.deleteMany({ where: { id: session.id } });
        return null;
      }
      if (at - session.lastSeenAt.getTime() >= SLIDE_WRITE_INTERVAL_MS) {
        await client.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(at), expiresAt: new Date(at + SESSION_TTL_MS) } });
      }
      return { id: session.user.id, email: session.user.email, name: session.user.name, sessionId: session.id };
    },
    async end(sessionId) {
      await client.session.deleteMany({ where: { id: sessionId } });
    },
    async endAll(userId) {
      const { count } = await client.session.deleteMany({ where: { userId } });
      return count;
    },
  };
}
