import type { Deployment, FlowDetail, Graph, Position } from "@eventloom/schema";
import { create } from "zustand";
import * as ops from "./graph-ops";
import { emptyHistory, record, redo, seal, undo, type History } from "./history";
import { EMPTY_VALIDATION, validate, type Validation } from "./problem-index";
import { sameSnapshot } from "./same-graph";

export type SaveState = "saved" | "unsaved" | "saving" | "conflict" | "error";

export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** What undo/redo restores: the graph and the flow's name (a rename is an edit too). */
export interface Snapshot {
  graph: Graph;
  name: string;
}

export interface FlowState {
  flowId: string | null;
  /** The workspace the open flow belongs to (its role decides whether the user may edit). */
  workspaceId: string | null;
  /** A viewer's flow: every edit below is ignored, and the UI hides its editing controls. */
  readOnly: boolean;
  name: string;
  rev: number;
  graph: Graph;
  /** The name and graph the server has at `rev` (as loaded or last saved): "dirty" is a difference from it. */
  saved: Snapshot;
  /** What is on screen differs from `saved`; undoing back to it makes the flow clean ("Saved") again. */
  dirty: boolean;
  saveState: SaveState;
  /** The rev someone else saved, when our save was refused with 409. */
  conflictRev: number | null;
  saveError: string | null;
  /**
   * A save request is out (edits made meanwhile turn saveState back to "unsaved", so saveState alone cannot
   * say): someone else's save arriving now waits for it, it may be our own.
   */
  saveInFlight: boolean;
  selection: Selection;
  /** validateGraph of the current graph; recomputed only when the graph's structure changes (not on moves). */
  validation: Validation;
  deployment: Deployment | null;
  /** Undo/redo snapshots (see history.ts); every graph edit and flow rename goes through it. */
  history: History<Snapshot>;

  load(detail: FlowDetail, options?: { readOnly?: boolean }): void;
  reset(): void;
  setName(name: string): void;
  addNode(type: string, position: Position): string | null;
  /** Wires two nodes; returns the reason when the wire is refused. */
  connect(request: ops.ConnectionRequest): string | null;
  setConfigField(nodeId: string, field: string, value: unknown): void;
  renameNode(nodeId: string, name: string): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  setSelection(selection: Selection): void;
  /** Replaces the graph as one undoable step (auto-layout, paste, import, align …). */
  applyGraph(graph: Graph, selection?: Selection): void;
  undo(): void;
  redo(): void;
  /** Ends the current coalesced step (drag stop, leaving a config field). */
  sealHistory(): void;
  setDeployment(deployment: Deployment | null): void;
  /** Bookkeeping used by the save action (flow-actions.ts). */
  markSaving(): void;
  markSaved(detail: FlowDetail, savedGraph: Graph, savedName: string): void;
  markConflict(currentRev: number | null): void;
  /**
   * Moves the draft onto someone else's save (rev and saved = theirs): `draft` is theirs with the local edits
   * merged on top, unsaved when it differs from theirs. Undo history is dropped: it would undo their work.
   */
  adoptSaved(rev: number, theirs: Snapshot, draft: Snapshot): void;
  markSaveFailed(message: string): void;
}

const EMPTY_GRAPH: Graph = { nodes: [], edges: [] };
const NO_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

const initial = {
  flowId: null,
  workspaceId: null,
  readOnly: false,
  name: "",
  rev: 0,
  graph: EMPTY_GRAPH,
  saved: { graph: EMPTY_GRAPH, name: "" } as Snapshot,
  dirty: false,
  saveState: "saved" as SaveState,
  conflictRev: null,
  saveError: null,
  saveInFlight: false,
  selection: NO_SELECTION,
  validation: EMPTY_VALIDATION,
  deployment: null,
  history: emptyHistory<Snapshot>(),
};

/**
 * Dirty flag and save state for what is now on screen: compared with the saved snapshot, so an edit undone (or
 * typed back) to what the server has is "Saved" again. A conflict stays a conflict (autosave stays paused).
 */
function saveFields(state: FlowState, next: Snapshot): Pick<FlowState, "dirty" | "saveState"> {
  const dirty = !sameSnapshot(next, state.saved);
  if (state.saveState === "conflict") return { dirty, saveState: "conflict" };
  return { dirty, saveState: dirty ? "unsaved" : "saved" };
}

export const useFlowStore = create<FlowState>()((set, get) => {
  /** Applies an edit: marks the flow dirty and revalidates when the structure (not only positions) changed. */
  const edit = (graph: Graph, structural: boolean, key: string | null = null) => {
    const state = get();
    if (graph === state.graph || state.readOnly) return;
    set({
      graph,
      history: record(state.history, { graph: state.graph, name: state.name }, key),
      ...saveFields(state, { graph, name: state.name }),
      ...(structural ? { validation: validate(graph) } : {}),
    });
  };

  /** Moves to a snapshot from the history; drops selected ids the snapshot does not have. */
  const travel = (step: { value: Snapshot; history: History<Snapshot> } | null) => {
    if (!step) return;
    const state = get();
    const { selection } = state;
    const { graph, name } = step.value;
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    set({
      graph,
      name,
      history: step.history,
      validation: validate(graph),
      ...saveFields(state, step.value),
      selection: { nodeIds: selection.nodeIds.filter((id) => nodeIds.has(id)), edgeIds: selection.edgeIds.filter((id) => edgeIds.has(id)) },
    });
  };

  return {
    ...initial,
    load: (detail, options = {}) =>
      set({
        ...initial,
        flowId: detail.id,
        workspaceId: detail.workspaceId,
        readOnly: options.readOnly ?? false,
        name: detail.name,
        rev: detail.rev,
        graph: detail.graph,
        saved: { graph: detail.graph, name: detail.name },
        deployment: detail.deployment,
        validation: validate(detail.graph),
        history: emptyHistory<Snapshot>(),
      }),
    reset: () => set(initial),
    setName: (name) => {
      const state = get();
      if (name === state.name || state.readOnly) return;
      set({
        name,
        history: record(state.history, { graph: state.graph, name: state.name }, null),
        ...saveFields(state, { graph: state.graph, name }),
      });
    },
    addNode: (type, position) => {
      if (get().readOnly) return null;
      const node = ops.createNode(type, position);
      if (!node) return null;
      edit({ ...get().graph, nodes: [...get().graph.nodes, node] }, true);
      set({ selection: { nodeIds: [node.id], edgeIds: [] } });
      return node.id;
    },
    connect: (request) => {
      if (get().readOnly) return "This flow is view only.";
      const problem = ops.connectionCheck(get().graph, request);
      if (problem) return problem;
      edit(ops.addEdge(get().graph, request), true);
      return null;
    },
    // Keys make typing in one field, or one drag, a single undo step.
    setConfigField: (nodeId, field, value) => edit(ops.setConfigField(get().graph, nodeId, field, value), true, `config:${nodeId}:${field}`),
    renameNode: (nodeId, name) => edit(ops.updateNode(get().graph, nodeId, (n) => ({ ...n, name })), true, `name:${nodeId}`),
    moveNodes: (positions) => edit(ops.moveNodes(get().graph, positions), false, `move:${[...positions.keys()].sort().join(",")}`),
    removeElements: (nodeIds, edgeIds) => {
      const removedNodes = new Set(nodeIds);
      const removedEdges = new Set(edgeIds);
      edit(ops.removeElements(get().graph, removedNodes, removedEdges), true);
      const { selection } = get();
      set({
        selection: {
          nodeIds: selection.nodeIds.filter((id) => !removedNodes.has(id)),
          edgeIds: selection.edgeIds.filter((id) => !removedEdges.has(id)),
        },
      });
    },
    setSelection: (selection) => set({ selection }),
    applyGraph: (graph, selection) => {
      edit(graph, true);
      if (selection) set({ selection });
    },
    undo: () => {
      if (!get().readOnly) travel(undo(get().history, { graph: get().graph, name: get().name }));
    },
    redo: () => {
      if (!get().readOnly) travel(redo(get().history, { graph: get().graph, name: get().name }));
    },
    sealHistory: () => set((s) => ({ history: seal(s.history) })),
    setDeployment: (deployment) => set({ deployment }),
    markSaving: () => set({ saveState: "saving", saveError: null, saveInFlight: true }),
    markSaved: (detail, savedGraph, savedName) => {
      const state = get();
      const saved = { graph: savedGraph, name: savedName };
      // Edits made while the request was in flight stay unsaved (unless they were undone meanwhile).
      const dirty = !sameSnapshot({ graph: state.graph, name: state.name }, saved);
      set({ rev: detail.rev, saved, dirty, saveState: dirty ? "unsaved" : "saved", conflictRev: null, saveError: null, saveInFlight: false });
    },
    markConflict: (currentRev) => set({ saveState: "conflict", conflictRev: currentRev, saveInFlight: false }),
    adoptSaved: (rev, theirs, draft) => {
      const dirty = !sameSnapshot(draft, theirs);
      const nodeIds = new Set(draft.graph.nodes.map((n) => n.id));
      const edgeIds = new Set(draft.graph.edges.map((e) => e.id));
      const { selection } = get();
      set({
        rev,
        saved: theirs,
        name: draft.name,
        graph: draft.graph,
        dirty,
        saveState: dirty ? "unsaved" : "saved",
        conflictRev: null,
        saveError: null,
        validation: validate(draft.graph),
        history: emptyHistory<Snapshot>(),
        selection: { nodeIds: selection.nodeIds.filter((id) => nodeIds.has(id)), edgeIds: selection.edgeIds.filter((id) => edgeIds.has(id)) },
      });
    },
    markSaveFailed: (message) => set({ saveState: "error", saveError: message, saveInFlight: false }),
  };
});
