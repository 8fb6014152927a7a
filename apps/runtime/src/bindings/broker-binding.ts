/**
 * Turns one broker adapter into a ChannelFactory for the engine: parses the node's config with its
 * catalogue schema, and on `open` resolves the connection and builds the adapter.
 */
import { ChannelSemanticsSchema, type ConnectionKind } from "@eventloom/schema";
import type { ChannelFactory } from "../engine/contract";
import { BrokerChannelImpl } from "./broker-channel";
import { resolveConnection, type ResolutionDeps } from "./connection-resolution";
import type { AdapterFactory } from "./contract";

export interface BrokerBindingOptions extends ResolutionDeps {
  /** Overrides for tests (fast reconnects). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  openTimeoutMs?: number;
}

/** `eventloom.<flow>.<node>`: the name of a destination left empty in the config. */
export function defaultDestinationName(flowId: string, nodeId: string): string {
  return `eventloom.${flowId}.${nodeId}`;
}

export function createBrokerBinding<K extends ConnectionKind>(kind: K, createAdapter: AdapterFactory<K>, options: BrokerBindingOptions): ChannelFactory {
  return (node, config, context) => {
    const semantics = ChannelSemanticsSchema.parse(config);
    const connectionId = typeof config.connection === "string" ? config.connection : "";
    return new BrokerChannelImpl({
      id: node.id,
      config: semantics,
      context,
      openTimeoutMs: options.openTimeoutMs,
      minBackoffMs: options.minBackoffMs,
      maxBackoffMs: options.maxBackoffMs,
      async createAdapter() {
        const settings = await resolveConnection(options, kind, { workspaceId: context.workspaceId, connectionId });
        return createAdapter({ node, config, settings, defaultName: defaultDestinationName(context.flowId, node.id), context });
      },
    });
  };
}
