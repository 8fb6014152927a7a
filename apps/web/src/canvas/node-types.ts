import type { NodeTypes } from "@xyflow/react";
import { ChannelNode } from "./nodes/ChannelNode";
import { ConsumerNode } from "./nodes/ConsumerNode";
import { ProducerNode } from "./nodes/ProducerNode";

/** At module scope: a new object per render would make React Flow remount every node. Keyed by kind. */
export const nodeTypes: NodeTypes = {
  producer: ProducerNode,
  channel: ChannelNode,
  consumer: ConsumerNode,
};
