import { z } from "zod";

/** The three kinds of node. Channels are first-class: decoupling lives there. */
export const NodeKindSchema = z.enum(["producer", "channel", "consumer"]);
export type NodeKind = z.infer<typeof NodeKindSchema>;

/** Stable ids, never names: references survive renames. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "ids use letters, digits, '-' and '_' only");

export const PositionSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
});
export type Position = z.infer<typeof PositionSchema>;

export const FlowNodeSchema = z.object({
  id: IdSchema,
  kind: NodeKindSchema,
  /** A key of the node catalogue, e.g. `generator`, `memory`, `filter`. */
  type: z.string().min(1).max(64),
  name: z.string().max(80).default(""),
  position: PositionSchema.default({ x: 0, y: 0 }),
  /** Validated against the node type's config schema by validateGraph, not here. */
  config: z.record(z.string(), z.unknown()).default({}),
});
export type FlowNode = z.infer<typeof FlowNodeSchema>;

export const FlowEdgeSchema = z.object({
  id: IdSchema,
  source: IdSchema,
  sourcePort: z.string().min(1).max(64).default("out"),
  target: IdSchema,
  targetPort: z.string().min(1).max(64).default("in"),
});
export type FlowEdge = z.infer<typeof FlowEdgeSchema>;

/** Limits keep a hostile graph from exhausting the server; the editor targets 1,000-node flows. */
export const GRAPH_LIMITS = { nodes: 5000, edges: 10000 } as const;

export const GraphSchema = z.object({
  nodes: z.array(FlowNodeSchema).max(GRAPH_LIMITS.nodes),
  edges: z.array(FlowEdgeSchema).max(GRAPH_LIMITS.edges),
});
export type Graph = z.infer<typeof GraphSchema>;
export type GraphInput = z.input<typeof GraphSchema>;

export const FLOW_FILE_FORMAT = "eventloom/flow";

/** The import/export file format: versioned so later changes can migrate old files. */
export const FlowFileSchema = z.object({
  format: z.literal(FLOW_FILE_FORMAT),
  version: z.literal(1),
  name: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
  graph: GraphSchema,
});
export type FlowFile = z.infer<typeof FlowFileSchema>;
