/**
 * Serves the built web app (WEB_DIST). Paths that match no file fall back to index.html so client-side
 * routes survive a reload. Without a build, a short page explains how to get one.
 */
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Eventloom</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Eventloom runtime is running</h1>
<p>The web app has not been built yet. Run <code>npm start</code> from the repository root: it builds the web app and serves it here.</p>
<p>The API is at <a href="/api/health">/api/health</a> (documented at <a href="/api/openapi.json">/api/openapi.json</a>).</p>
</body></html>
`;

export type WebFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>;

/** Registers static serving when WEB_DIST holds a build; returns how unmatched web paths are answered. */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<WebFallback> {
  const built = fs.existsSync(path.join(webDist, "index.html"));
  if (!built) {
    return (_request, reply) => reply.status(200).type("text/html; charset=utf-8").send(NOT_BUILT_PAGE);
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: true });
  return (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html");
}
