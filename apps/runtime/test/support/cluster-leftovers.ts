/**
 * What the cluster tests' flows leave on the shared services, removed after the file: each flow's producer
 * lease and fence in Redis (plus any other keys named), and its RabbitMQ queue and exchange `eventloom.<flow>.mq`.
 */
import type { Redis } from "ioredis";
import { clusterKeys } from "../../src/cluster/cluster-keys";
import { deleteFlowQueues } from "./brokers/flow-queues";

export async function removeClusterLeftovers(redis: Redis | undefined, flowIds: readonly string[], otherKeys: readonly string[] = []): Promise<void> {
  if (redis) {
    for (const flowId of flowIds) await redis.del(clusterKeys.producerFence(flowId), clusterKeys.producerLease(flowId));
    if (otherKeys.length > 0) await redis.del(...otherKeys);
    redis.disconnect();
  }
  await deleteFlowQueues(flowIds);
}
