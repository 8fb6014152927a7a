/**
 * What the canvas shows instead of the draft: one version read-only, or a comparison (the newer graph
 * with ghosts and highlights). The draft in the flow store is never touched, so autosave and undo carry
 * on as if nothing happened; "Back to draft" just drops this view.
 */
import type { FlowDiff, Graph } from "@eventloom/schema";
import { create } from "zustand";
import { messageOf, saveFlow } from "../../stores/flow-actions";
import { useFlowStore } from "../../stores/flow-store";
import { compareView, type EdgeMark, type NodeMark } from "./compare-view";
import { versionsApi } from "./versions-api";

export type VersionView = { kind: "draft" } | { kind: "version"; number: number } | { kind: "compare"; from: number; to: number | "draft" };

export interface VersionViewState {
  view: VersionView;
  /** The graph the canvas shows read-only; null shows the editable draft. */
  graph: Graph | null;
  diff: FlowDiff | null;
  /** The graphs compared (for names in the change list). */
  compared: readonly Graph[];
  nodeMarks: ReadonlyMap<string, NodeMark>;
  edgeMarks: ReadonlyMap<string, EdgeMark>;
  status: "idle" | "loading" | "error";
  error: string | null;
  showVersion(flowId: string, number: number): Promise<void>;
  compare(flowId: string, from: number, to: number | "draft"): Promise<void>;
  back(): void;
}

const NO_MARKS = new Map<string, never>();
const DRAFT = { view: { kind: "draft" }, graph: null, diff: null, compared: [], nodeMarks: NO_MARKS, edgeMarks: NO_MARKS, status: "idle", error: null } as const;

export const useVersionViewStore = create<VersionViewState>()((set, get) => {
  // Only the latest request may land: an older answer arriving late must not replace a newer view.
  let ticket = 0;
  async function load(view: VersionView, work: () => Promise<Partial<VersionViewState>>): Promise<void> {
    const mine = ++ticket;
    // Nothing of the draft stays selected under a read-only view (no config panel, no edit commands on it).
    useFlowStore.getState().setSelection({ nodeIds: [], edgeIds: [] });
    set({ status: "loading", error: null });
    try {
      const next = await work();
      if (mine === ticket) set({ ...next, view, status: "idle" });
    } catch (error) {
      if (mine === ticket) set({ status: "error", error: messageOf(error) });
    }
  }
  return {
    ...DRAFT,
    showVersion: (flowId, number) =>
      load({ kind: "version", number }, async () => {
        const version = await versionsApi.get(flowId, number);
        return { graph: version.graph, diff: null, compared: [version.graph], nodeMarks: NO_MARKS, edgeMarks: NO_MARKS };
      }),
    compare: (flowId, from, to) =>
      load({ kind: "compare", from, to }, async () => {
        // The server compares with the saved draft: save pending edits first so both sides agree.
        if (to === "draft" && useFlowStore.getState().dirty) await saveFlow();
        const [before, after, { diff }] = await Promise.all([
          versionsApi.get(flowId, from),
          to === "draft" ? Promise.resolve({ graph: useFlowStore.getState().graph }) : versionsApi.get(flowId, to),
          versionsApi.diff(flowId, from, to),
        ]);
        const shown = compareView(before.graph, after.graph, diff);
        return { graph: shown.graph, diff, compared: [before.graph, after.graph], nodeMarks: shown.nodeMarks, edgeMarks: shown.edgeMarks };
      }),
    back: () => {
      ticket += 1;
      if (get().graph !== null || get().status !== "idle") set(DRAFT);
    },
  };
});

/** Narrow selectors for the canvas: a node or wire re-renders only when its own mark changes. */
export function useDiffNodeMark(nodeId: string): NodeMark | undefined {
  return useVersionViewStore((s) => s.nodeMarks.get(nodeId));
}

export function useDiffEdgeMark(edgeId: string): EdgeMark | undefined {
  return useVersionViewStore((s) => s.edgeMarks.get(edgeId));
}

export function useReadOnlyGraph(): Graph | null {
  return useVersionViewStore((s) => s.graph);
}
