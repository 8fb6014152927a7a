/** A saved flow deployed over HTTP and watched over socket.io, with a poster for its webhook-in node "hook". */
import type { TraceFrame } from "@eventloom/schema";
import { expect } from "vitest";
import type { ApiResponse } from "./client";
import type { TestRuntime } from "./runtime";

export interface WatchedFlow {
  /** The newest trace frame received (undefined before the first). */
  latest(): TraceFrame | undefined;
  /** POSTs `{ n }` as JSON to the flow's webhook-in node "hook". */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as TestClient.api: bodies are read loosely
  post(n: number): Promise<ApiResponse<any>>;
}

export async function deployAndWatch(server: TestRuntime, flow: { id: string; rev: number }): Promise<WatchedFlow> {
  expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev })).status).toBe(200);
  const socket = await server.connect();
  let latest: TraceFrame | undefined;
  socket.on("trace:frame", (frame) => (latest = frame));
  await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id });
  return {
    latest: () => latest,
    post: (n) => server.api("POST", `/hooks/${flow.id}/hook`, JSON.stringify({ n }), { contentType: "application/json" }),
  };
}
