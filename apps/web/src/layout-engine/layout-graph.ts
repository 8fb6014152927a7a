import type { Position } from "@eventloom/schema";
import type { ElkNode } from "elkjs/lib/elk-api";

/** A node to place: its id and the size it has on the canvas. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutInput {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
}

/** Gaps chosen so wires stay readable: a clear lane between layers, breathing room within one. */
const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.spacing.nodeNode": "40",
  "elk.layered.spacing.nodeNodeBetweenLayers": "96",
  "elk.spacing.componentComponent": "64",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.separateConnectedComponents": "true",
};

/** Positions snap to the canvas grid so laid-out nodes line up with hand-placed ones. */
const GRID = 16;

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
type ElkConstructor = new (options?: { workerUrl?: string }) => Elk;

let elkPromise: Promise<Elk> | null = null;

/**
 * elkjs is ~1.5 MB: loaded on the first layout, not with the editor. In the browser it runs in a Web Worker so
 * a big layout never freezes the canvas; where there are no workers (unit tests in Node) it runs in-process.
 */
function loadElk(): Promise<Elk> {
  elkPromise ??= typeof Worker === "function" ? loadWorkerElk() : loadInProcessElk();
  return elkPromise;
}

async function loadWorkerElk(): Promise<Elk> {
  const [api, worker] = await Promise.all([import("elkjs/lib/elk-api.js"), import("elkjs/lib/elk-worker.min.js?url")]);
  const Elk = (api as unknown as { default: ElkConstructor }).default;
  return new Elk({ workerUrl: worker.default });
}

async function loadInProcessElk(): Promise<Elk> {
  const module = await import("elkjs/lib/elk.bundled.js");
  const Elk = (module as unknown as { default: ElkConstructor }).default;
  return new Elk();
}

/**
 * Lays a graph out left to right with ELK's layered algorithm (edges point rightwards, no overlapping nodes).
 * Returns each node's new top-left position, with the layout's top-left corner at `origin`.
 */
export async function layoutGraph(input: LayoutInput, origin: Position = { x: 0, y: 0 }): Promise<Map<string, Position>> {
  if (input.nodes.length === 0) return new Map();
  const ids = new Set(input.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: "root",
    layoutOptions: LAYOUT_OPTIONS,
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    // Edges leaving the set (a selection's outside wires) and self-loops do not shape the layout.
    edges: input.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const elk = await loadElk();
  const result = await elk.layout(graph);
  const children = result.children ?? [];
  // ELK pads the graph; shift so the layout's corner lands exactly on the origin.
  const minX = Math.min(...children.map((c) => c.x ?? 0));
  const minY = Math.min(...children.map((c) => c.y ?? 0));
  const positions = new Map<string, Position>();
  for (const child of children) {
    positions.set(child.id, { x: snap(origin.x + (child.x ?? 0) - minX), y: snap(origin.y + (child.y ?? 0) - minY) });
  }
  return positions;
}

function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}
