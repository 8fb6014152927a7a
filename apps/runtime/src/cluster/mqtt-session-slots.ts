/**
 * SessionSlots (bindings/mqtt/session-slots.ts) on Redis. Slot `n` of a stem is held while the key
 * `mqttSlot(stem, n)` holds the holder's token (`<workerId>:<counter>`, `SET NX PX`, renewed three times per
 * TTL, compared before renewing or deleting, like the producer lease). The set `mqttSlots(stem)` lists the
 * slots that may still have a session on the broker: a slot joins it when first claimed and leaves it only
 * when retired, so a slot whose key expired (its process was SIGKILLed) or was deleted (graceful stop) is
 * an orphan that any process running the subscription adopts. The scripts build the slot keys from a
 * prefix, so this needs a single Redis (as the rest of cluster mode), not Redis Cluster.
 */
import type { Redis } from "ioredis";
import type { EngineLogger } from "../engine/contract";
import type { SessionSlot, SessionSlots } from "../bindings/mqtt/session-slots";
import { clusterKeys } from "./cluster-keys";
import { releaseLease, renewEveryMs, renewLease } from "./lease-scripts";

/** The lowest slot whose key is free: take it and list it. Returns -1 past 1,000 slots. */
const CLAIM = `for n = 0, 999 do
  if redis.call('set', ARGV[1] .. n, ARGV[2], 'NX', 'PX', ARGV[3]) then
    redis.call('sadd', KEYS[1], n)
    return n
  end
end
return -1`;
/** A listed slot whose key is free: take it. Returns -1 when every listed slot is held. */
const ADOPT = `for _, n in ipairs(redis.call('smembers', KEYS[1])) do
  if redis.call('set', ARGV[1] .. n, ARGV[2], 'NX', 'PX', ARGV[3]) then return tonumber(n) end
end
return -1`;

export interface MqttSessionSlots extends SessionSlots {
  /** Stops renewing and lets go of every slot still held (graceful stop: others adopt them at once). */
  stop(): Promise<void>;
}

interface Held {
  stem: string;
  slot: number;
  token: string;
  lost: (() => void)[];
}

export function createMqttSessionSlots(options: { redis: Redis; workerId: string; ttlMs: number; logger: EngineLogger }): MqttSessionSlots {
  const { redis, workerId, ttlMs, logger } = options;
  const held = new Set<Held>();
  let counter = 0;

  const lease = (stem: string, slot: number, token: string): SessionSlot => {
    const entry: Held = { stem, slot, token, lost: [] };
    held.add(entry);
    const letGo = async () => {
      if (!held.delete(entry)) return;
      await releaseLease(redis, clusterKeys.mqttSlot(stem, slot), token);
    };
    return {
      slot,
      onLost: (listener) => void entry.lost.push(listener),
      release: letGo,
      async retire() {
        if (!held.has(entry)) return;
        await redis.srem(clusterKeys.mqttSlots(stem), String(slot));
        await letGo();
      },
    };
  };

  const take = async (script: string, stem: string): Promise<SessionSlot | undefined> => {
    const token = `${workerId}:${++counter}`;
    const slot = Number(await redis.eval(script, 1, clusterKeys.mqttSlots(stem), clusterKeys.mqttSlot(stem, ""), token, ttlMs));
    return slot < 0 ? undefined : lease(stem, slot, token);
  };

  const renew = async (entry: Held) => {
    // A lapsed slot is never taken back (another process may be adopting it right now): its subscriber lets go and claims again.
    if ((await renewLease(redis, clusterKeys.mqttSlot(entry.stem, entry.slot), entry.token, ttlMs)) || !held.delete(entry)) return;
    logger.warn({ stem: entry.stem, slot: entry.slot, token: entry.token }, "cluster: lost an MQTT session slot to another process");
    for (const listener of entry.lost) listener();
  };
  const timer = setInterval(() => {
    for (const entry of held) renew(entry).catch((error: unknown) => logger.warn({ err: error, stem: entry.stem }, "cluster: could not renew an MQTT session slot"));
  }, renewEveryMs(ttlMs));
  timer.unref();

  return {
    checkEveryMs: renewEveryMs(ttlMs),
    async claim(stem) {
      const slot = await take(CLAIM, stem);
      if (!slot) throw new Error(`no free MQTT session slot for ${stem}`);
      return slot;
    },
    adoptOrphan: (stem) => take(ADOPT, stem),
    async stop() {
      clearInterval(timer);
      const all = [...held];
      held.clear();
      await Promise.all(all.map((entry) => releaseLease(redis, clusterKeys.mqttSlot(entry.stem, entry.slot), entry.token).catch(() => undefined)));
    },
  };
}
