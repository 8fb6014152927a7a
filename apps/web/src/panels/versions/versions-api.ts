import {
  RollbackResponseSchema,
  VersionDetailSchema,
  VersionDiffResponseSchema,
  VersionListResponseSchema,
  type RollbackResponse,
  type VersionDetail,
  type VersionDiffResponse,
  type VersionListResponse,
} from "@eventloom/schema";
import { request } from "../../api/client";

const id = (value: string) => encodeURIComponent(value);

/** Typed calls to /api/flows/:id/versions…; each throws ApiRequestError on failure. */
export const versionsApi = {
  list: (flowId: string, page: { before?: number; limit?: number } = {}): Promise<VersionListResponse> => {
    const query = new URLSearchParams();
    if (page.limit) query.set("limit", String(page.limit));
    if (page.before) query.set("before", String(page.before));
    const suffix = query.size > 0 ? `?${query}` : "";
    return request(`/flows/${id(flowId)}/versions${suffix}`, { schema: VersionListResponseSchema });
  },
  get: (flowId: string, number: number): Promise<VersionDetail> => request(`/flows/${id(flowId)}/versions/${number}`, { schema: VersionDetailSchema }),
  diff: (flowId: string, from: number, to: number | "draft"): Promise<VersionDiffResponse> =>
    request(`/flows/${id(flowId)}/versions/${from}/diff/${to}`, { schema: VersionDiffResponseSchema }),
  rollback: (flowId: string, number: number): Promise<RollbackResponse> =>
    request(`/flows/${id(flowId)}/versions/${number}/deploy`, { method: "POST", body: {}, schema: RollbackResponseSchema }),
};
