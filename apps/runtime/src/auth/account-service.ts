/**
 * Accounts: the first-visit setup of the owner, sign-in (rate-limited), sign-out of one or every session.
 * Inputs arrive parsed (emails lower-case). Sessions are created here; cookies are the transport's job.
 */
import type { PrismaClient } from "@eventloom/prisma";
import type { LoginRequest, SetupRequest, User } from "@eventloom/schema";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import type { LoginLimiter } from "./login-limiter";
import { loginKey } from "./login-limiter";
import type { PasswordHasher } from "./passwords";
import type { SessionService } from "./session-service";

export const FIRST_WORKSPACE_NAME = "My workspace";

export interface SignIn {
  user: User;
  token: string;
  sessionId: string;
}

export interface AccountServiceDeps {
  client: PrismaClient;
  hasher: PasswordHasher;
  sessions: SessionService;
  limiter: LoginLimiter;
  /** Runs once the owner and the first workspace exist (seeds the demo when seeding is on). */
  onSetUp(owner: Actor): Promise<void>;
}

export interface AccountService {
  setupRequired(): Promise<boolean>;
  setup(input: Parsed<SetupRequest>, userAgent: string | undefined): Promise<SignIn>;
  login(input: Parsed<LoginRequest>, ip: string, userAgent: string | undefined): Promise<SignIn>;
  /** Creates a user (invite sign-up); 409 EMAIL_TAKEN when the email has an account. */
  createUser(input: { email: string; password: string; name: string }): Promise<User>;
}

type Parsed<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many failed sign-ins: try again in ${retryAfterSeconds} s.`, 429, { details: { retryAfterSeconds } });
  }
}

export class EmailTakenError extends AppError {
  constructor() {
    super("EMAIL_TAKEN", "An account with this email exists: sign in with it instead.", 409, { path: ["email"] });
  }
}

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { client, hasher, sessions, limiter } = deps;
  // Verifying against a real hash when the email is unknown keeps both failures equally slow.
  let decoy: Promise<string> | undefined;
  // Two setups racing inside this process: the second sees the first's owner. (Across processes, the
  // unique email and the user count check inside one transaction narrow it to a near-simultaneous click.)
  let settingUp: Promise<unknown> = Promise.resolve();

  async function startSession(user: { id: string; email: string; name: string }, userAgent: string | undefined): Promise<SignIn> {
    const { token, sessionId } = await sessions.create(user.id, userAgent);
    return { user: { id: user.id, email: user.email, name: user.name }, token, sessionId };
  }

  async function createUser({ email, password, name }: { email: string; password: string; name: string }): Promise<User> {
    const passwordHash = await hasher.hash(password);
    if (await client.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError();
    try {
      const user = await client.user.create({ data: { email, name, passwordHash } });
      return { id: user.id, email: user.email, name: user.name };
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  return {
    async setupRequired() {
      return (await client.user.count()) === 0;
    },
    async setup(input, userAgent) {
      const run = settingUp.then(async () => {
        // Cheap refusal first: after setup, this route must not cost a password hash per request.
        if ((await client.user.count()) > 0) throw alreadySetUp();
        const passwordHash = await hasher.hash(input.password);
        const created = await client.$transaction(async (tx) => {
          if ((await tx.user.count()) > 0) return null;
          const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
          const workspace = await tx.workspace.create({ data: { name: FIRST_WORKSPACE_NAME, memberships: { create: { userId: user.id, role: "owner" } } } });
          await tx.auditEntry.create({ data: { workspaceId: workspace.id, actorId: user.id, action: "workspace.created", targetType: "workspace", targetId: workspace.id, detail: { name: workspace.name } } });
          return { user, workspaceId: workspace.id };
        }).catch((error: unknown) => {
          // Another process set up the same email a moment ago.
          if (isUniqueViolation(error)) return null;
          throw error;
        });
        if (!created) throw alreadySetUp();
        await deps.onSetUp({ userId: created.user.id, workspaceId: created.workspaceId, role: "owner" });
        return startSession(created.user, userAgent);
      });
      settingUp = run.catch(() => undefined);
      return run;
    },
    async login({ email, password }, ip, userAgent) {
      const key = loginKey(email, ip);
      const wait = await limiter.retryAfterSeconds(key);
      if (wait > 0) throw new RateLimitedError(wait);
      const user = await client.user.findUnique({ where: { email } });
      decoy ??= hasher.hash("decoy password for unknown emails");
      const ok = user?.passwordHash ? await hasher.verify(user.passwordHash, password) : (await hasher.verify(await decoy, password), false);
      if (!user || !ok) {
        await limiter.recordFailure(key);
        throw new AppError("INVALID_CREDENTIALS", "Wrong email or password.", 401);
      }
      await limiter.clear(key);
      return startSession(user, userAgent);
    },
    createUser,
  };
}

function alreadySetUp(): AppError {
  return new AppError("ALREADY_SET_UP", "Eventloom is already set up: sign in instead.", 409);
}

/** Prisma's unique-constraint violation (P2002), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
