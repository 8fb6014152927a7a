import { z } from "zod";
import type { NodeKind } from "../flow";
import { memoryChannelType } from "./channels";
import { filterType, logType, transformType } from "./consumers";
import type { NodeTypeDefinition } from "./define";
import { generatorType, manualType, timerType } from "./producers";

export * from "./channels";
export * from "./consumers";
export * from "./define";
export * from "./producers";

/** Every node type the product knows, keyed by `type`. The editor palette and the engine both read this. */
export const nodeCatalogue: Readonly<Record<string, NodeTypeDefinition>> = Object.freeze({
  generator: generatorType,
  timer: timerType,
  manual: manualType,
  memory: memoryChannelType,
  filter: filterType,
  transform: transformType,
  log: logType,
} as Record<string, NodeTypeDefinition>);

export function getNodeType(type: string): NodeTypeDefinition | undefined {
  return Object.hasOwn(nodeCatalogue, type) ? nodeCatalogue[type] : undefined;
}

export function nodeTypesOfKind(kind: NodeKind): NodeTypeDefinition[] {
  return Object.values(nodeCatalogue).filter((definition) => definition.kind === kind);
}

/** The config a new node of this type starts with: the schema's defaults. */
export function defaultConfig(type: string): Record<string, unknown> {
  const definition = getNodeType(type);
  return definition ? (definition.config.parse({}) as Record<string, unknown>) : {};
}

/** The config schema as JSON Schema (with titles, units, widgets, defaults) for generated forms. */
export function configJsonSchema(type: string): Record<string, unknown> | undefined {
  const definition = getNodeType(type);
  return definition ? (z.toJSONSchema(definition.config, { io: "input", unrepresentable: "any" }) as Record<string, unknown>) : undefined;
}

/** Facts for the node face; falls back to nothing when the config does not parse yet. */
export function nodeFacts(type: string, config: unknown): string[] {
  const definition = getNodeType(type);
  if (!definition) return [];
  const parsed = definition.config.safeParse(config);
  return parsed.success ? definition.facts(parsed.data) : [];
}
