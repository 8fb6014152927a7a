/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt native binaries from the npm registry, no build
 * step). OWASP's minimum argon2id parameters (19 MiB, 2 passes) keep a hash ~50–100 ms on a small machine.
 */
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax): Argon2id = 2.
const ARGON2ID = 2 as Algorithm;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

export interface PasswordHasherOptions {
  /** KiB of memory per hash (default 19,456). Tests may lower it to save time; never production. */
  memoryCost?: number;
  timeCost?: number;
}

export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const params = { algorithm: ARGON2ID, memoryCost: options.memoryCost ?? 19_456, timeCost: options.timeCost ?? 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, params),
    async verify(hashed, password) {
      try {
        return await verify(hashed, password);
      } catch {
        // A stored value that is not a PHC string never matches.
        return false;
      }
    },
  };
}
