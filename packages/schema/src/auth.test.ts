import { describe, expect, it } from "vitest";
import { AcceptInviteRequestSchema, CreateInviteRequestSchema, LoginRequestSchema, roleAtLeast, SetupRequestSchema } from "./auth";

describe("auth DTOs", () => {
  it("normalises the email to lower case and trims the name", () => {
    const parsed = SetupRequestSchema.parse({ email: "  Ada@Example.COM ", password: "correct horse", name: " Ada " });
    expect(parsed).toEqual({ email: "ada@example.com", password: "correct horse", name: "Ada" });
  });

  it("refuses short or huge passwords, empty names and unknown keys", () => {
    expect(SetupRequestSchema.safeParse({ email: "a@b.co", password: "short", name: "A" }).success).toBe(false);
    expect(SetupRequestSchema.safeParse({ email: "a@b.co", password: "x".repeat(201), name: "A" }).success).toBe(false);
    expect(SetupRequestSchema.safeParse({ email: "a@b.co", password: "long enough", name: "  " }).success).toBe(false);
    expect(SetupRequestSchema.safeParse({ email: "a@b.co", password: "long enough", name: "A", admin: true }).success).toBe(false);
    expect(LoginRequestSchema.safeParse({ email: "not-an-email", password: "x" }).success).toBe(false);
  });

  it("bounds invite expiry to 1–720 whole hours", () => {
    expect(CreateInviteRequestSchema.safeParse({ role: "editor", expiresInHours: 0 }).success).toBe(false);
    expect(CreateInviteRequestSchema.safeParse({ role: "editor", expiresInHours: 721 }).success).toBe(false);
    expect(CreateInviteRequestSchema.safeParse({ role: "editor", expiresInHours: 1.5 }).success).toBe(false);
    expect(CreateInviteRequestSchema.safeParse({ role: "admin", expiresInHours: 24 }).success).toBe(false);
    expect(CreateInviteRequestSchema.parse({ role: "viewer", expiresInHours: 720 })).toEqual({ role: "viewer", expiresInHours: 720 });
  });

  it("accepts an invite with no body fields (signed in) or a full sign-up", () => {
    expect(AcceptInviteRequestSchema.safeParse({}).success).toBe(true);
    expect(AcceptInviteRequestSchema.safeParse({ email: "b@c.de", password: "long enough", name: "B" }).success).toBe(true);
    expect(AcceptInviteRequestSchema.safeParse({ email: "b@c.de" }).success).toBe(false);
  });

  it("ranks roles", () => {
    expect(roleAtLeast("owner", "editor")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("editor", "editor")).toBe(true);
  });
});
