import { z } from "zod";
import type { NodeKind } from "../flow";
import { alertType } from "./alert";
import { brokerChannelTypes } from "./broker-channels";
import { memoryChannelType } from "./channels";
import { filterType, logType, transformType } from "./consumers";
import { delayType } from "./delay";
import { outputsOf, type NodeTypeDefinition, type PortDefinition } from "./define";
import { generatorType, manualType, timerType } from "./producers";
import { rateLimitType } from "./rate-limit";
import { routerType } from "./router";
import { webhookInType } from "./webhook-in";
import { webhookOutType } from "./webhook-out";
import { windowType } from "./window";

export * from "./alert";
export * from "./broker-channels";
export * from "./channel-guarantees";
export * from "./channels";
export * from "./consumers";
export * from "./define";
export * from "./delay";
export * from "./fields";
export * from "./producers";
export * from "./rate-limit";
export * from "./router";
export * from "./webhook-in";
export * from "./webhook-out";
export * from "./window";

/** Every node type the product knows, keyed by `type`. The editor palette and the engine both read this. */
export const nodeCatalogue: Readonly<Record<string, NodeTypeDefinition>> = Object.freeze({
  generator: generatorType,
  timer: timerType,
  manual: manualType,
  "webhook-in": webhookInType,
  memory: memoryChannelType,
  ...brokerChannelTypes,
  filter: filterType,
  transform: transformType,
  router: routerType,
  window: windowType,
  delay: delayType,
  "rate-limit": rateLimitType,
  "webhook-out": webhookOutType,
  alert: alertType,
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

/** A node's output ports for its config (a router's named outputs); [] for unknown types. */
export function nodeOutputs(type: string, config: unknown): PortDefinition[] {
  const definition = getNodeType(type);
  return definition ? outputsOf(definition, config) : [];
}
