/**
 * GET /api/openapi.json: an OpenAPI 3.1 description of the REST API. Request and response schemas are the
 * schema package's zod DTOs converted with z.toJSONSchema, so the document cannot drift from the parsers.
 */
import {
  ConnectionDtoSchema,
  ConnectionListResponseSchema,
  ConnectionTestResultSchema,
  CreateConnectionRequestSchema,
  CreateFlowRequestSchema,
  DeployResponseSchema,
  DeployRequestSchema,
  ErrorResponseSchema,
  EventTraceSchema,
  FlowDetailSchema,
  FlowSummarySchema,
  HealthResponseSchema,
  InjectRequestSchema,
  RollbackRequestSchema,
  RollbackResponseSchema,
  VersionDetailSchema,
  VersionDiffResponseSchema,
  VersionListResponseSchema,
  TestConnectionRequestSchema,
  UpdateConnectionRequestSchema,
  UpdateFlowRequestSchema,
  ValidateRequestSchema,
  ValidateResponseSchema,
} from "@eventloom/schema";
import { z } from "zod";
import { DeploymentListSchema, InjectResponseSchema, StopResponseSchema } from "./responses";
import { authRouteDocs } from "./openapi-auth";
import { ReplayRequestSchema, ReplayResponseSchema } from "./replay-routes";

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  body?: z.ZodType;
  /** Query parameters, all optional: name → description. */
  query?: Record<string, string>;
  /** status → schema (undefined: no body). */
  responses: Record<number, z.ZodType | undefined>;
}

const FlowListSchema = z.array(FlowSummarySchema);

const ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/health", summary: "Liveness: ok once the runtime is ready", responses: { 200: HealthResponseSchema, 503: ErrorResponseSchema } },
  { method: "get", path: "/api/flows", summary: "List flows with their current deployment", responses: { 200: FlowListSchema } },
  { method: "post", path: "/api/flows", summary: "Create a flow", body: CreateFlowRequestSchema, responses: { 201: FlowDetailSchema, 400: ErrorResponseSchema } },
  { method: "get", path: "/api/flows/{id}", summary: "Read a flow", responses: { 200: FlowDetailSchema, 404: ErrorResponseSchema } },
  {
    method: "put",
    path: "/api/flows/{id}",
    summary: "Save a flow; a stale rev is refused with 409 REV_CONFLICT (details.currentRev)",
    body: UpdateFlowRequestSchema,
    responses: { 200: FlowDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema },
  },
  { method: "delete", path: "/api/flows/{id}", summary: "Delete a flow (stops its deployment first)", responses: { 204: undefined, 404: ErrorResponseSchema } },
  { method: "post", path: "/api/validate", summary: "Validate a graph", body: ValidateRequestSchema, responses: { 200: ValidateResponseSchema } },
  {
    method: "post",
    path: "/api/flows/{id}/deploy",
    summary: "Deploy the saved draft as a new version (422 GRAPH_INVALID with details.problems, 422 DEPLOY_FAILED with details.nodeId)",
    body: DeployRequestSchema,
    responses: { 200: DeployResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema },
  },
  {
    method: "post",
    path: "/api/flows/{id}/stop",
    summary: "Stop the running deployment, draining in-flight events",
    responses: { 200: StopResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema },
  },
  {
    method: "get",
    path: "/api/flows/{id}/events/{eventId}/trace",
    summary: "Follow one event: every hop the running deployment's trace ring still holds of it and of events re-published from it (same traceparent trace id); 404 when none is retained",
    responses: { 200: EventTraceSchema, 404: ErrorResponseSchema },
  },
  { method: "get", path: "/api/flows/{id}/deployments", summary: "Deployments of a flow, newest first", responses: { 200: DeploymentListSchema, 404: ErrorResponseSchema } },
  {
    method: "post",
    path: "/api/flows/{id}/nodes/{nodeId}/inject",
    summary: "Publish one event from a manual producer",
    body: InjectRequestSchema,
    responses: { 200: InjectResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 422: ErrorResponseSchema },
  },
  {
    method: "post",
    path: "/api/flows/{id}/channels/{nodeId}/replay",
    summary: "Re-publish a running channel's retained events to its consumers",
    body: ReplayRequestSchema,
    responses: { 200: ReplayResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema },
  },
  {
    method: "get",
    path: "/api/flows/{id}/versions",
    summary: "Versions of a flow, newest first, with author, message and which one runs",
    query: { limit: "page size, 1–100 (default 20)", before: "list versions numbered below this one: the previous page's nextBefore" },
    responses: { 200: VersionListResponseSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
  },
  {
    method: "get",
    path: "/api/flows/{id}/versions/{number}",
    summary: "One version with its graph (read-only); 404 VERSION_NOT_FOUND",
    responses: { 200: VersionDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
  },
  {
    method: "get",
    path: "/api/flows/{id}/versions/{a}/diff/{b}",
    summary: "Semantic comparison of version a with version b, or with the saved draft when b is `draft`: nodes added, removed, changed (config fields), moved only, renamed; wires added/removed",
    responses: { 200: VersionDiffResponseSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
  },
  {
    method: "post",
    path: "/api/flows/{id}/versions/{number}/deploy",
    summary: "Rollback: deploy that version's graph as a new version (message \"rollback to vN\"); the draft is left as it is (draftDiffers says whether it differs)",
    body: RollbackRequestSchema,
    responses: { 200: RollbackResponseSchema, 404: ErrorResponseSchema, 422: ErrorResponseSchema },
  },
  ...connectionRoutes("/api/workspaces/{workspaceId}/connections"),
  ...authRouteDocs(),
];

/** Broker connections of a workspace. Secrets go in; responses carry "••••" and `secrets.<field>.hasValue` only. */
function connectionRoutes(base: string): RouteDoc[] {
  const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };
  return [
    { method: "get", path: base, summary: "List the workspace's broker connections (secrets masked)", responses: { 200: ConnectionListResponseSchema, 404: ErrorResponseSchema } },
    { method: "post", path: base, summary: "Create a connection (409 CONNECTION_NAME_TAKEN)", body: CreateConnectionRequestSchema, responses: { 201: ConnectionDtoSchema, ...errors, 409: ErrorResponseSchema } },
    {
      method: "post",
      path: `${base}/test`,
      summary: "Test unsaved settings by really connecting (5 s timeout); with connectionId, masked or empty secrets come from that saved connection",
      body: TestConnectionRequestSchema,
      responses: { 200: ConnectionTestResultSchema, ...errors },
    },
    { method: "get", path: `${base}/{id}`, summary: "Read a connection (secrets masked)", responses: { 200: ConnectionDtoSchema, 404: ErrorResponseSchema } },
    {
      method: "put",
      path: `${base}/{id}`,
      summary: "Save a connection; a secret sent as the mask, empty or absent is kept, null clears it; a stale rev is 409 REV_CONFLICT",
      body: UpdateConnectionRequestSchema,
      responses: { 200: ConnectionDtoSchema, ...errors, 409: ErrorResponseSchema },
    },
    { method: "delete", path: `${base}/{id}`, summary: "Delete a connection (409 CONNECTION_IN_USE with details.flowIds while a flow uses it)", responses: { 204: undefined, 404: ErrorResponseSchema, 409: ErrorResponseSchema } },
    {
      method: "post",
      path: `${base}/{id}/test`,
      summary: "Test a saved connection: {ok, latencyMs} or {ok:false, error:{code, message}} (500 SECRET_KEY_MISMATCH when its secrets were sealed with another key)",
      responses: { 200: ConnectionTestResultSchema, 404: ErrorResponseSchema, 500: ErrorResponseSchema },
    },
  ];
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function parameters(route: RouteDoc): object[] {
  const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
  const inQuery = Object.entries(route.query ?? {}).map(([name, description]) => ({ name, in: "query", required: false, description, schema: { type: "string" } }));
  return [...inPath, ...inQuery];
}

function operation(route: RouteDoc): object {
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, schema]) => [
      status,
      schema ? { description: status, content: { "application/json": { schema: jsonSchema(schema, "output") } } } : { description: status },
    ]),
  );
  return {
    summary: route.summary,
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
    responses: {
      ...responses,
      "4XX": { description: "Request error", content: { "application/json": { schema: jsonSchema(ErrorResponseSchema, "output") } } },
    },
  };
}

/** Builds the document once; it is static for a given build. */
export function buildOpenApiDocument(version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Eventloom runtime API", version, description: "Every error body is {error:{code,message,path,details?}}. Sign in first (cookie el_session); state-changing requests send the el_csrf cookie's value in x-csrf-token." },
    paths,
  };
}
