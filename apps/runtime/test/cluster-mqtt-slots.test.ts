/**
 * MQTT session slots on the test Redis (cluster/mqtt-session-slots.ts): two "processes" (two slot
 * registries with their own worker ids) claiming, releasing, adopting and retiring the slots of one stem.
 */
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clusterKeys } from "../src/cluster/cluster-keys";
import { createMqttSessionSlots, type MqttSessionSlots } from "../src/cluster/mqtt-session-slots";
import { quietLogger as logger } from "./bindings/flow-runner";
import { services, uniqueName } from "./support/brokers/services";
import { sleep, waitFor } from "./support/runtime";

const TTL_MS = 300;

let redis: Redis;
const registries: MqttSessionSlots[] = [];
const stems: string[] = [];

function registry(workerId: string): MqttSessionSlots {
  const slots = createMqttSessionSlots({ redis, workerId, ttlMs: TTL_MS, logger });
  registries.push(slots);
  return slots;
}

function newStem(): string {
  const stem = uniqueName("slots");
  stems.push(stem);
  return stem;
}

const listed = async (stem: string) => (await redis.smembers(clusterKeys.mqttSlots(stem))).map(Number).sort();

describe("MQTT session slots on Redis", () => {
  beforeAll(() => {
    redis = new Redis(services.redis);
  });

  afterEach(async () => {
    await Promise.all(registries.splice(0).map((slots) => slots.stop()));
  });

  afterAll(async () => {
    for (const stem of stems) {
      for (const slot of await listed(stem)) await redis.del(clusterKeys.mqttSlot(stem, slot));
      await redis.del(clusterKeys.mqttSlots(stem));
    }
    redis.disconnect();
  });

  it("hands each claimer the lowest free slot, and a released one to the next claimer", async () => {
    const stem = newStem();
    const a = registry("a");
    const b = registry("b");
    const first = await a.claim(stem);
    const second = await b.claim(stem);
    const third = await a.claim(stem);
    expect([first.slot, second.slot, third.slot]).toEqual([0, 1, 2]);
    expect(await listed(stem)).toEqual([0, 1, 2]);
    await second.release();
    expect((await b.claim(stem)).slot).toBe(1);
  });

  it("keeps a held slot past its TTL; a released or lapsed one is an orphan, adopted once", async () => {
    const stem = newStem();
    const a = registry("a");
    const b = registry("b");
    const held = await a.claim(stem);
    await sleep(TTL_MS * 2); // renewed meanwhile
    expect(await b.adoptOrphan(stem)).toBeUndefined();
    await held.release();
    const adopted = await b.adoptOrphan(stem);
    expect(adopted?.slot).toBe(0);
    expect(await a.adoptOrphan(stem)).toBeUndefined();

    // Slot 1 as a SIGKILLed process leaves it: listed, its key held until the TTL runs out, never renewed.
    await redis.sadd(clusterKeys.mqttSlots(stem), "1");
    await redis.set(clusterKeys.mqttSlot(stem, 1), "dead:1", "PX", TTL_MS);
    expect(await a.adoptOrphan(stem)).toBeUndefined();
    const late = await waitFor(() => a.adoptOrphan(stem), TTL_MS * 5);
    expect(late.slot).toBe(1);
  });

  it("retires a drained slot: no longer listed, so nobody adopts it", async () => {
    const stem = newStem();
    const a = registry("a");
    const b = registry("b");
    await a.claim(stem);
    const drained = await b.claim(stem);
    await drained.retire();
    expect(await listed(stem)).toEqual([0]);
    expect(await a.adoptOrphan(stem)).toBeUndefined();
    // The number is free again for a new claimer, which lists it anew.
    expect((await a.claim(stem)).slot).toBe(1);
    expect(await listed(stem)).toEqual([0, 1]);
  });

  it("tells the holder when its lapsed slot went to another process", async () => {
    const stem = newStem();
    const a = registry("a");
    const b = registry("b");
    const held = await a.claim(stem);
    let lost = false;
    held.onLost(() => (lost = true));
    // As if a's renewals had stalled past the TTL and b had adopted the slot meanwhile.
    await redis.del(clusterKeys.mqttSlot(stem, 0));
    expect((await b.adoptOrphan(stem))?.slot).toBe(0);
    await waitFor(() => lost, TTL_MS * 3);
    // a's later release leaves b's lease alone.
    await held.release();
    expect(await redis.get(clusterKeys.mqttSlot(stem, 0))).toMatch(/^b:/);
  });
});
