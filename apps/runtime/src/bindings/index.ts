/**
 * The broker bindings this runtime offers, as the engine's ChannelBindings (node type → channel factory).
 * compose.ts passes them to createEngine; the memory channel is the engine's own.
 */
import type { ChannelBindings } from "../engine/contract";
import type { BrokerBindingOptions } from "./broker-binding";

export type ChannelBindingsOptions = BrokerBindingOptions;

export function createChannelBindings(options: ChannelBindingsOptions): ChannelBindings {
  void options;
  return {};
}
