/**
 * The shape of a semantic flow comparison (`diffFlows`), shared by the runtime's diff routes and the
 * editor's Versions panel. Everything is keyed by stable node ids; lists are in a stable order.
 */
import { z } from "zod";
import { IdSchema, NodeKindSchema, PositionSchema } from "../flow";

/** Enough of a node to name it in a change list without the whole graph at hand. */
export const DiffNodeRefSchema = z.object({
  id: IdSchema,
  kind: NodeKindSchema,
  type: z.string(),
  name: z.string(),
});
export type DiffNodeRef = z.infer<typeof DiffNodeRefSchema>;

/** One config value that differs. `before`/`after` are absent when the field was added/removed. */
export const FieldChangeSchema = z.object({
  /** Dotted path inside the node's config, e.g. `retry.attempts`; arrays compare as one value. */
  path: z.string(),
  /** The top-level config field the path starts with, e.g. `retry`. */
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** A node whose config changed; it may also have been moved or renamed (flags, with `moved`/`renamed` lists). */
export const ChangedNodeSchema = DiffNodeRefSchema.extend({
  fields: z.array(FieldChangeSchema).min(1),
  moved: z.boolean(),
  renamed: z.boolean(),
});
export type ChangedNode = z.infer<typeof ChangedNodeSchema>;

/** A node whose position is the only thing that changed. */
export const MovedNodeSchema = DiffNodeRefSchema.extend({ from: PositionSchema, to: PositionSchema });
export type MovedNode = z.infer<typeof MovedNodeSchema>;

export const RenamedNodeSchema = DiffNodeRefSchema.extend({ from: z.string(), to: z.string() });
export type RenamedNode = z.infer<typeof RenamedNodeSchema>;

/** A wire, named by its endpoints (what makes it the same wire) and the id it has on its side. */
export const DiffEdgeRefSchema = z.object({
  id: IdSchema,
  source: IdSchema,
  sourcePort: z.string(),
  target: IdSchema,
  targetPort: z.string(),
});
export type DiffEdgeRef = z.infer<typeof DiffEdgeRefSchema>;

export const DiffSummarySchema = z.object({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
  renamed: z.number().int().nonnegative(),
  edgesAdded: z.number().int().nonnegative(),
  edgesRemoved: z.number().int().nonnegative(),
  /** Sum of the above; 0 means the two flows are semantically the same. */
  total: z.number().int().nonnegative(),
});
export type DiffSummary = z.infer<typeof DiffSummarySchema>;

export const FlowDiffSchema = z.object({
  nodes: z.object({
    added: z.array(DiffNodeRefSchema),
    removed: z.array(DiffNodeRefSchema),
    changed: z.array(ChangedNodeSchema),
    /** Position changed and nothing else. */
    moved: z.array(MovedNodeSchema),
    renamed: z.array(RenamedNodeSchema),
  }),
  /** Wires added or removed (a wire whose endpoints changed is one removed and one added). */
  rewired: z.object({
    added: z.array(DiffEdgeRefSchema),
    removed: z.array(DiffEdgeRefSchema),
  }),
  summary: DiffSummarySchema,
});
export type FlowDiff = z.infer<typeof FlowDiffSchema>;
