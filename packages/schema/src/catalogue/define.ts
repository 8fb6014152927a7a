import type { z } from "zod";
import type { NodeKind } from "../flow";

/** A port on a node. Producers have only outputs; channels and consumers have an `in` port. */
export interface PortDefinition {
  id: string;
  label: string;
}

/** How the config panel should render a field; attached with `.meta({ widget })`. */
export type FieldWidget = "text" | "number" | "enum" | "boolean" | "json" | "pattern" | "duration" | "mappings" | "jsonata" | "connection";

/**
 * When a config field applies: the form shows it only while each named sibling field holds one of the listed
 * values, e.g. `{ language: ["jsonata"] }` for a transform's expression.
 */
export type VisibleWhen = Record<string, readonly (string | number | boolean)[]>;

/** Field metadata read by the config form (through `z.toJSONSchema`). */
export interface FieldMeta {
  title: string;
  widget?: FieldWidget;
  unit?: string;
  visibleWhen?: VisibleWhen;
  [key: string]: unknown;
}

/**
 * One node type, defined once: kind, ports, config schema (with defaults and descriptions the editor renders
 * as a form), docs and the key facts its canvas face shows.
 */
export interface NodeTypeDefinition<Config extends z.ZodObject = z.ZodObject> {
  type: string;
  kind: NodeKind;
  title: string;
  /** One line for the palette. */
  description: string;
  /** A paragraph for the config panel's help. */
  docs: string;
  inputs: PortDefinition[];
  /** The static default output ports; see `outputsFor` for types whose ports follow their config. */
  outputs: PortDefinition[];
  /** Output ports derived from the config (e.g. a router's named outputs); `outputs` when absent. */
  outputsFor?: (config: z.infer<Config>) => PortDefinition[];
  config: Config;
  /** User expressions in the config (e.g. JSONata), so a runtime that can compile them checks them at validate time. */
  expressions?: (config: z.infer<Config>) => ExpressionField[];
  /** Short facts for the node face, e.g. `queue · at-least-once · cap 10000`. */
  facts: (config: z.infer<Config>) => string[];
}

/** One expression in a node's config: which field holds it, its language and its source. */
export interface ExpressionField {
  field: string;
  language: "jsonata";
  source: string;
}

export const IN_PORT: PortDefinition = { id: "in", label: "in" };
export const OUT_PORT: PortDefinition = { id: "out", label: "out" };

/** Identity with inference: keeps each definition's config type precise. */
export function defineNodeType<Config extends z.ZodObject>(definition: NodeTypeDefinition<Config>): NodeTypeDefinition<Config> {
  return definition;
}

/** A node's output ports for a config: `outputsFor(parsed config)`, or the static `outputs` when it does not parse. */
export function outputsOf(definition: NodeTypeDefinition, config: unknown): PortDefinition[] {
  if (!definition.outputsFor) return definition.outputs;
  const parsed = definition.config.safeParse(config);
  return parsed.success ? definition.outputsFor(parsed.data) : definition.outputs;
}
