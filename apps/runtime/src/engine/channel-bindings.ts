/**
 * Which implementation runs a channel node: the engine's built-in `memory` channel, or a broker binding
 * injected through EngineDeps.bindings (composed in compose.ts; adapters live in src/bindings/ and depend
 * on the engine, never the other way round).
 */
import { MemoryChannelConfigSchema } from "@eventloom/schema";
import type { ChannelBindings, ChannelFactory } from "./contract";
import { MemoryChannel } from "./memory-channel";

/** The in-process channel as a factory like any other binding. */
export const createMemoryChannel: ChannelFactory = (node, config, ctx) =>
  new MemoryChannel(node.id, MemoryChannelConfigSchema.parse(config), {
    counters: ctx.counters,
    recorder: ctx.recorder,
    scheduler: ctx.scheduler,
    clock: ctx.clock,
    random: ctx.random,
    resolveChannel: (id) => ctx.resolveChannel(id),
  });

/** The bindings an engine runs with: `memory` built in, plus (or, for `memory`, instead) the given ones. */
export function withBuiltInBindings(bindings: ChannelBindings = {}): ChannelBindings {
  return Object.freeze({ memory: createMemoryChannel, ...bindings });
}
