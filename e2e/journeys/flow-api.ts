import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import type { FlowDetail, FlowFile, Graph } from "@eventloom/schema";
import { csrfHeaders } from "./accounts";

/** A golden flow file from packages/schema/fixtures (shared with the unit tests). */
export function fixture(name: string): FlowFile {
  const url = new URL(`../../packages/schema/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as FlowFile;
}

/** Creates a flow through the REST API (setup for a journey, not the thing under test), in the caller's first workspace. */
export async function createFlowViaApi(request: APIRequestContext, name: string, graph: Graph): Promise<FlowDetail> {
  const response = await request.post("/api/flows", { data: { name, graph }, headers: await csrfHeaders(request) });
  if (!response.ok()) throw new Error(`create flow failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as FlowDetail;
}

export async function getFlow(request: APIRequestContext, id: string): Promise<FlowDetail> {
  const response = await request.get(`/api/flows/${encodeURIComponent(id)}`);
  if (!response.ok()) throw new Error(`get flow failed: ${response.status()}`);
  return (await response.json()) as FlowDetail;
}

export async function listFlows(request: APIRequestContext): Promise<{ id: string; name: string }[]> {
  return (await (await request.get("/api/flows")).json()) as { id: string; name: string }[];
}
