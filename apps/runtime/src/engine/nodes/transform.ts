/**
 * Reshapes events. `mappings` (declarative, no user code): each mapping copies a field read from the
 * incoming CloudEvent (`from`, a dotted path) or writes a constant (`value`) into the new event's data.
 * `jsonata`: the expression's result over the whole event becomes the new data, evaluated in the sandbox
 * (expression/jsonata-runner.ts); an expression that yields nothing drops the event (counted done, not
 * emitted). The result is a new event in the same trace; the incoming event is never mutated.
 */
import { TransformConfigSchema, type CloudEvent, type Mapping } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import { compileJsonata, type JsonataProgram } from "../expression/jsonata-runner";
import { deepFreeze } from "../freeze";
import { compilePath, copyRecord, isPlainRecord, readPath, writePath } from "../safe-path";
import type { NodeEnv } from "./node-env";

export interface CompiledMapping {
  to: readonly string[];
  from: readonly string[] | undefined;
  value: unknown;
}

export function createTransform(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const config = TransformConfigSchema.parse(rawConfig);
  if (config.language === "jsonata") return createJsonataTransform(env, config.eventType, compileJsonata(config.expression, { timeoutMs: config.timeoutMs }));
  const mappings = config.mappings.map(compileMapping);
  const { events, outlet } = env;
  const eventType = config.eventType;
  return {
    handle(event: CloudEvent) {
      const data = applyMappings(mappings, event, config.keepData);
      return outlet.forward(events.derive(event, eventType === "" ? event.type : eventType, data));
    },
  };
}

function createJsonataTransform(env: NodeEnv, eventType: string, program: JsonataProgram): ConsumerHandler {
  const { events, outlet } = env;
  return {
    async handle(event: CloudEvent) {
      const data = await program.evaluate(event);
      if (data === undefined) return;
      await outlet.forward(events.derive(event, eventType === "" ? event.type : eventType, data));
    },
  };
}

/** The new event's data: a shallow copy of the incoming data (keepData) or {}, with the mappings applied. */
export function applyMappings(mappings: readonly CompiledMapping[], event: CloudEvent, keepData: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = keepData && isPlainRecord(event.data) ? copyRecord(event.data) : {};
  for (const mapping of mappings) {
    const value = mapping.from === undefined ? mapping.value : readPath(event, mapping.from);
    if (value !== undefined) writePath(data, mapping.to, value);
  }
  return data;
}

export function compileMapping(mapping: Mapping, index: number): CompiledMapping {
  try {
    return {
      to: compilePath(mapping.to),
      from: mapping.from === undefined ? undefined : compilePath(mapping.from),
      value: deepFreeze(mapping.value),
    };
  } catch (error) {
    throw new Error(`mapping ${index + 1}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
