import fastify from "fastify";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { registerErrorHandling } from "./error-handler";

function appWithRoutes() {
  const app = fastify({ logger: false });
  registerErrorHandling(app, { bodyLimitBytes: 1024, webFallback: (_request, reply) => reply.send("web") });
  app.get("/api/bug", async () => {
    throw new TypeError("secret internals");
  });
  app.get("/api/user-error", async () => {
    throw new AppError("NOT_DEPLOYED", "not running", 409);
  });
  return app;
}

describe("error handler", () => {
  it("answers unexpected errors with 500 INTERNAL, a request id and no stack", async () => {
    const response = await appWithRoutes().inject({ method: "GET", url: "/api/bug" });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.details.requestId).toEqual(expect.any(String));
    expect(response.body).not.toContain("secret internals");
    expect(response.body).not.toContain("at ");
  });

  it("answers user errors with their status and code", async () => {
    const response = await appWithRoutes().inject({ method: "GET", url: "/api/user-error" });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: "NOT_DEPLOYED", message: "not running", path: [] } });
  });

  it("sends unknown web paths to the web fallback and unknown API paths to 404 JSON", async () => {
    const app = appWithRoutes();
    expect((await app.inject({ method: "GET", url: "/some/page" })).body).toBe("web");
    expect((await app.inject({ method: "GET", url: "/api/unknown" })).json().error.code).toBe("NOT_FOUND");
  });
});
