/**
 * What the cluster tests' flows leave on the shared services, removed after the file: each flow's producer
 * lease and fence in Redis (plus any other keys named), and its RabbitMQ queue and exchange `eventloom.<flow>.mq`.
 */
import amqp from "amqplib";
import type { Redis } from "ioredis";
import { clusterKeys } from "../../src/cluster/cluster-keys";
import { services } from "./brokers/services";

export async function removeClusterLeftovers(redis: Redis | undefined, flowIds: readonly string[], otherKeys: readonly string[] = []): Promise<void> {
  if (redis) {
    for (const flowId of flowIds) await redis.del(clusterKeys.producerFence(flowId), clusterKeys.producerLease(flowId));
    if (otherKeys.length > 0) await redis.del(...otherKeys);
    redis.disconnect();
  }
  const model = await amqp.connect(services.rabbitmq);
  const channel = await model.createChannel();
  channel.on("error", () => undefined);
  for (const flowId of flowIds) {
    await channel.deleteQueue(`eventloom.${flowId}.mq`).catch(() => undefined);
    await channel.deleteExchange(`eventloom.${flowId}.mq`).catch(() => undefined);
  }
  await model.close();
}
