import type { Deployment, FlowSummary } from "@eventloom/schema";
import { create } from "zustand";
import { flowsApi } from "../api/flows-api";
import { useWorkspaceStore } from "../workspaces/workspace-store";

export interface FlowsState {
  flows: FlowSummary[];
  loaded: boolean;
  error: string | null;
  refresh(): Promise<FlowSummary[]>;
  patch(flowId: string, patch: Partial<Pick<FlowSummary, "name" | "rev" | "nodeCount" | "deployment">>): void;
  setDeployment(deployment: Deployment): void;
}

/** The sidebar's flow list (the current workspace's flows). Kept apart from the open flow so a list refresh never touches the canvas. */
export const useFlowsStore = create<FlowsState>()((set, get) => ({
  flows: [],
  loaded: false,
  error: null,
  refresh: async () => {
    const workspaceId = useWorkspaceStore.getState().currentId;
    try {
      const flows = await flowsApi.list(workspaceId);
      // Another workspace became current meanwhile: this list is the old one's (its start flow would be opened).
      if (useWorkspaceStore.getState().currentId !== workspaceId) return await get().refresh();
      set({ flows, loaded: true, error: null });
      return flows;
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
      return get().flows;
    }
  },
  patch: (flowId, patch) => set((s) => ({ flows: s.flows.map((f) => (f.id === flowId ? { ...f, ...patch } : f)) })),
  setDeployment: (deployment) => get().patch(deployment.flowId, { deployment }),
}));
