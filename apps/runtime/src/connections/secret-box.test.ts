import { describe, expect, it } from "vitest";
import { createSecretBox, SecretKeyMismatchError } from "./secret-box";
import { createSecretKeyRing, generateSecretKey, parseSecretKey, InvalidSecretKeyError, encodeSecretKey } from "./secret-key";

describe("secret box (AES-256-GCM)", () => {
  const key = generateSecretKey();
  const box = createSecretBox(createSecretKeyRing(key));

  it("opens what it sealed, and never shows the plaintext in the sealed form", () => {
    const sealed = box.seal("hunter2 ✓", "ws/conn/password");
    expect(sealed).not.toContain("hunter2");
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed.startsWith(`el1.${key.id}.`)).toBe(true);
    expect(box.open(sealed, "ws/conn/password")).toBe("hunter2 ✓");
  });

  it("uses a fresh IV per write", () => {
    const a = box.seal("same", "aad");
    const b = box.seal("same", "aad");
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("refuses another key with SECRET_KEY_MISMATCH naming both key ids", () => {
    const sealed = box.seal("pw", "aad");
    const other = createSecretBox(createSecretKeyRing(generateSecretKey()));
    expect(() => other.open(sealed, "aad")).toThrow(SecretKeyMismatchError);
    try {
      other.open(sealed, "aad");
    } catch (error) {
      expect((error as SecretKeyMismatchError).code).toBe("SECRET_KEY_MISMATCH");
      expect((error as Error).message).toContain(key.id);
      expect((error as Error).message).toContain("EVENTLOOM_SECRET_KEY");
    }
  });

  it("refuses a changed ciphertext, another row's value (aad) and a key with the same id but other bytes", () => {
    const sealed = box.seal("pw", "ws/a/password");
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[4] = flipped.toString("base64url");
    expect(() => box.open(parts.join("."), "ws/a/password")).toThrow(/does not authenticate/);
    expect(() => box.open(sealed, "ws/b/password")).toThrow(SecretKeyMismatchError);
    const impostor = createSecretBox({ current: { id: key.id, bytes: generateSecretKey().bytes }, byId: new Map([[key.id, { id: key.id, bytes: generateSecretKey().bytes }]]) });
    expect(() => impostor.open(sealed, "ws/a/password")).toThrow(SecretKeyMismatchError);
    expect(() => box.open("garbage", "x")).toThrow(SecretKeyMismatchError);
  });

  it("opens values sealed with a previous key after rotation, and seals new ones with the current key", () => {
    const old = generateSecretKey();
    const sealedBefore = createSecretBox(createSecretKeyRing(old)).seal("pw", "aad");
    const rotated = createSecretBox(createSecretKeyRing(generateSecretKey(), [old]));
    expect(rotated.open(sealedBefore, "aad")).toBe("pw");
    expect(rotated.seal("pw", "aad").split(".")[1]).toBe(rotated.keyId);
  });
});

describe("parseSecretKey", () => {
  it("takes base64 of 32 bytes and refuses anything else", () => {
    const key = generateSecretKey();
    expect(parseSecretKey(encodeSecretKey(key)).id).toBe(key.id);
    expect(() => parseSecretKey(Buffer.alloc(16).toString("base64"))).toThrow(InvalidSecretKeyError);
    expect(() => parseSecretKey("not base64 at all!")).toThrow(/base64/);
  });
});
