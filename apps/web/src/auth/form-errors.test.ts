import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/client";
import { apiErrorToErrors, issuesToErrors, rateLimitMessage } from "./form-errors";

describe("form errors", () => {
  it("puts each field's first problem beside it", () => {
    const errors = issuesToErrors([
      { path: ["password"], message: "a password needs at least 10 characters" },
      { path: ["password"], message: "second problem" },
      { path: ["email"], message: "not an email address" },
    ]);
    expect(errors).toEqual({ fields: { password: "A password needs at least 10 characters.", email: "Not an email address." }, form: null });
  });

  it("says wrong credentials and the rate limit's wait in the form", () => {
    expect(apiErrorToErrors(new ApiRequestError(401, { code: "INVALID_CREDENTIALS", message: "x" })).form).toBe("That email and password do not match an account.");
    expect(apiErrorToErrors(new ApiRequestError(429, { code: "RATE_LIMITED", message: "x" }, 840)).form).toBe("Too many attempts. Try again in 14 minutes.");
    expect(rateLimitMessage(30)).toBe("Too many attempts. Try again in 30 seconds.");
    expect(rateLimitMessage(null)).toMatch(/Wait a while/);
  });

  it("maps a server path under the body to its field", () => {
    const error = new ApiRequestError(400, { code: "VALIDATION_FAILED", message: "not an email address", path: ["body", "email"] });
    expect(apiErrorToErrors(error)).toEqual({ fields: { email: "Not an email address." }, form: null });
  });
});
