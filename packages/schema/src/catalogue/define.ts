import type { z } from "zod";
import type { NodeKind } from "../flow";

/** A port on a node. Producers have only outputs; channels and consumers have an `in` port. */
export interface PortDefinition {
  id: string;
  label: string;
}

/** How the config panel should render a field; attached with `.meta({ widget })`. */
export type FieldWidget = "text" | "number" | "enum" | "boolean" | "json" | "pattern" | "duration" | "mappings";

/** Field metadata read by the config form (through `z.toJSONSchema`). */
export interface FieldMeta {
  title: string;
  widget?: FieldWidget;
  unit?: string;
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
  outputs: PortDefinition[];
  config: Config;
  /** Short facts for the node face, e.g. `queue · at-least-once · cap 10000`. */
  facts: (config: z.infer<Config>) => string[];
}

export const IN_PORT: PortDefinition = { id: "in", label: "in" };
export const OUT_PORT: PortDefinition = { id: "out", label: "out" };

/** Identity with inference: keeps each definition's config type precise. */
export function defineNodeType<Config extends z.ZodObject>(definition: NodeTypeDefinition<Config>): NodeTypeDefinition<Config> {
  return definition;
}
