import { describe, expect, it } from "vitest";
import { createPasswordHasher } from "./passwords";

describe("password hasher", () => {
  const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1 });

  it("hashes with argon2id and a fresh salt each time, and verifies only the right password", async () => {
    const first = await hasher.hash("correct horse battery");
    const second = await hasher.hash("correct horse battery");
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toBe(second);
    expect(await hasher.verify(first, "correct horse battery")).toBe(true);
    expect(await hasher.verify(first, "correct horse batterY")).toBe(false);
  });

  it("treats a stored value that is not a hash as no match", async () => {
    expect(await hasher.verify("not-a-hash", "anything at all")).toBe(false);
  });
});
