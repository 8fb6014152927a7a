import {
  DeploymentSchema,
  FlowDetailSchema,
  FlowSummarySchema,
  ValidateResponseSchema,
  type CreateFlowRequest,
  type Deployment,
  type DeployRequest,
  type FlowDetail,
  type FlowSummary,
  type Graph,
  type UpdateFlowRequest,
  type ValidateResponse,
} from "@eventloom/schema";
import { request } from "./client";

const FlowSummaryListSchema = FlowSummarySchema.array();
const id = (value: string) => encodeURIComponent(value);

/** Typed calls to the runtime's flow endpoints. Each throws ApiRequestError on failure. */
export const flowsApi = {
  /** The flows of one workspace (without an id, the runtime answers the user's first workspace). */
  list: (workspaceId?: string | null): Promise<FlowSummary[]> =>
    request(workspaceId ? `/flows?workspaceId=${id(workspaceId)}` : "/flows", { schema: FlowSummaryListSchema }),
  get: (flowId: string): Promise<FlowDetail> => request(`/flows/${id(flowId)}`, { schema: FlowDetailSchema }),
  /** Creates the flow in `workspaceId` when given (the current workspace), else the runtime's default. */
  create: (body: CreateFlowRequest, workspaceId?: string | null): Promise<FlowDetail> =>
    request("/flows", { method: "POST", body: workspaceId ? { ...body, workspaceId } : body, schema: FlowDetailSchema }),
  update: (flowId: string, body: UpdateFlowRequest): Promise<FlowDetail> =>
    request(`/flows/${id(flowId)}`, { method: "PUT", body, schema: FlowDetailSchema }),
  remove: (flowId: string): Promise<void> => request(`/flows/${id(flowId)}`, { method: "DELETE" }),
  validate: (graph: Graph): Promise<ValidateResponse> => request("/validate", { method: "POST", body: { graph }, schema: ValidateResponseSchema }),
  deploy: (flowId: string, body: DeployRequest): Promise<Deployment> =>
    request(`/flows/${id(flowId)}/deploy`, { method: "POST", body, schema: DeploymentSchema }),
  stop: (flowId: string): Promise<unknown> => request(`/flows/${id(flowId)}/stop`, { method: "POST", body: {} }),
  inject: (flowId: string, nodeId: string, data?: unknown): Promise<unknown> =>
    request(`/flows/${id(flowId)}/nodes/${id(nodeId)}/inject`, { method: "POST", body: data === undefined ? {} : { data } }),
};
