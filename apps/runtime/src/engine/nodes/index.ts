/** The node implementations the engine knows, keyed by catalogue type. */
import type { ConsumerHandler } from "../consumer-runtime";
import { createFilter } from "./filter";
import { createGenerator } from "./generator";
import { createLog } from "./log";
import { createManual } from "./manual";
import type { NodeEnv, ProducerNode } from "./node-env";
import { createTimer } from "./timer";
import { createTransform } from "./transform";

export type { NodeEnv, ProducerNode } from "./node-env";

type Factory<T> = (env: NodeEnv, config: unknown) => T;

const producers: Readonly<Record<string, Factory<ProducerNode>>> = { generator: createGenerator, timer: createTimer, manual: createManual };
const consumers: Readonly<Record<string, Factory<ConsumerHandler>>> = { filter: createFilter, transform: createTransform, log: createLog };

export function producerFactory(type: string): Factory<ProducerNode> | undefined {
  return Object.hasOwn(producers, type) ? producers[type] : undefined;
}

export function consumerFactory(type: string): Factory<ConsumerHandler> | undefined {
  return Object.hasOwn(consumers, type) ? consumers[type] : undefined;
}
