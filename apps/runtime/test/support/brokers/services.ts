/**
 * Addresses of the broker services that run on the machine (and in CI, started by .ci/run), overridable
 * through the environment for a machine that runs them elsewhere.
 */
export const services = {
  nats: process.env.TEST_NATS_URL ?? "nats://127.0.0.1:4222",
  mqtt: process.env.TEST_MQTT_URL ?? "mqtt://127.0.0.1:1883",
  rabbitmq: process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672",
  redis: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
};

/** A name no other test run uses, for queues, topics, streams and groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
