/** Deletes the RabbitMQ queue and exchange the binding names after each flow (`eventloom.<flow>.mq`). */
import amqp from "amqplib";
import { services } from "./services";

export async function deleteFlowQueues(flowIds: readonly string[]): Promise<void> {
  const model = await amqp.connect(services.rabbitmq);
  const channel = await model.createChannel();
  channel.on("error", () => undefined);
  for (const flowId of flowIds) {
    await channel.deleteQueue(`eventloom.${flowId}.mq`).catch(() => undefined);
    await channel.deleteExchange(`eventloom.${flowId}.mq`).catch(() => undefined);
  }
  await model.close();
}
