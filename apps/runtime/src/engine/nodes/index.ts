/** The node implementations the engine knows, keyed by catalogue type. */
import type { ConsumerHandler } from "../consumer-runtime";
import { createAlert } from "./alert";
import { createDelay } from "./delay";
import { createFilter } from "./filter";
import { createGenerator } from "./generator";
import { createLog } from "./log";
import { createManual } from "./manual";
import type { NodeEnv, ProducerNode } from "./node-env";
import { createRateLimit } from "./rate-limit";
import { createRouter } from "./router";
import { createTimer } from "./timer";
import { createTransform } from "./transform";
import { createWebhookIn } from "./webhook-in";
import { createWebhookOut } from "./webhook-out";
import { createWindow } from "./window";

export type { NodeEnv, ProducerNode } from "./node-env";

type Factory<T> = (env: NodeEnv, config: unknown) => T;

const producers: Readonly<Record<string, Factory<ProducerNode>>> = {
  generator: createGenerator,
  timer: createTimer,
  manual: createManual,
  "webhook-in": createWebhookIn,
};
const consumers: Readonly<Record<string, Factory<ConsumerHandler>>> = {
  filter: createFilter,
  transform: createTransform,
  router: createRouter,
  window: createWindow,
  delay: createDelay,
  "rate-limit": createRateLimit,
  "webhook-out": createWebhookOut,
  alert: createAlert,
  log: createLog,
};

/**
 * Producers that make events up on their own (timers, generators): with several runtime processes running
 * one deployment, only the coordinator of that deployment runs them, or every event would be made N times.
 * webhook-in and manual producers answer requests, so they run wherever a request arrives.
 */
const RUN_ONCE_PRODUCER_TYPES: ReadonlySet<string> = new Set(["timer", "generator"]);

export function isRunOnceProducer(type: string): boolean {
  return RUN_ONCE_PRODUCER_TYPES.has(type);
}

export function producerFactory(type: string): Factory<ProducerNode> | undefined {
  return Object.hasOwn(producers, type) ? producers[type] : undefined;
}

export function consumerFactory(type: string): Factory<ConsumerHandler> | undefined {
  return Object.hasOwn(consumers, type) ? consumers[type] : undefined;
}
