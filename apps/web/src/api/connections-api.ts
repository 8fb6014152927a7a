import {
  ConnectionDtoSchema,
  ConnectionListResponseSchema,
  ConnectionTestResultSchema,
  type ConnectionDto,
  type ConnectionTestResult,
  type CreateConnectionRequest,
  type TestConnectionRequest,
  type UpdateConnectionRequest,
} from "@eventloom/schema";
import { request } from "./client";

const id = (value: string) => encodeURIComponent(value);
const base = (workspaceId: string) => `/workspaces/${id(workspaceId)}/connections`;

/** Typed calls to a workspace's broker connections. Secrets go out; they never come back (only `hasValue`). */
export const connectionsApi = {
  list: async (workspaceId: string): Promise<ConnectionDto[]> => (await request(base(workspaceId), { schema: ConnectionListResponseSchema })).connections,
  create: (workspaceId: string, body: CreateConnectionRequest): Promise<ConnectionDto> =>
    request(base(workspaceId), { method: "POST", body, schema: ConnectionDtoSchema }),
  update: (workspaceId: string, connectionId: string, body: UpdateConnectionRequest): Promise<ConnectionDto> =>
    request(`${base(workspaceId)}/${id(connectionId)}`, { method: "PUT", body, schema: ConnectionDtoSchema }),
  remove: (workspaceId: string, connectionId: string): Promise<void> => request(`${base(workspaceId)}/${id(connectionId)}`, { method: "DELETE" }),
  /** Tests form settings; with `connectionId`, secrets left empty come from the saved connection. */
  test: (workspaceId: string, body: TestConnectionRequest): Promise<ConnectionTestResult> =>
    request(`${base(workspaceId)}/test`, { method: "POST", body, schema: ConnectionTestResultSchema }),
};
