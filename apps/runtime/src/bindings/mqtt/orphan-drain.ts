/**
 * Cluster mode: takes over the broker sessions that subscribers of other (dead or stopped) processes left
 * behind. Mosquitto keeps a disconnected persistent session's in-flight QoS 1 messages, and keeps routing
 * it its share of a shared subscription, until that client id connects again (tried on Debian's Mosquitto
 * 2.0.11: see the README). So while a subscription runs here, this looks for its orphaned slots
 * (session-slots.ts) and, for each one it adopts:
 * 1. connects with the slot's client id (clean: false): the broker resends what was in flight and sends
 *    what it queued, and the channel handles it like any delivery (ack after success);
 * 2. unsubscribes the session's filter at once: nothing new is routed to it, what was queued still comes;
 * 3. once nothing is unacked and nothing arrived for `idleMs`, disconnects gracefully (the last PUBACKs go
 *    first), removes the session (a clean connect) and retires the slot.
 * If the subscription stops, the connection drops or the lease is lost first, the slot is released instead:
 * its session keeps what is left and another process adopts it.
 */
import type { IClientOptions, MqttClient } from "mqtt";
import type { EngineLogger } from "../../engine/contract";
import { connectClient, endSubscriber, type ReceiveTracker } from "./mqtt-connect";
import type { SessionSlot, SessionSlots } from "./session-slots";

export interface OrphanDrainOptions {
  slots: SessionSlots;
  stem: string;
  url: string;
  base: IClientOptions;
  /** The client id of a slot of this subscription. */
  idOf(slot: number): string;
  /** The subscription filter the sessions were subscribed with. */
  filter: string;
  /** Hands the session's messages to the subscription (receiveInto with the tracker). */
  receive(tracker: ReceiveTracker): (client: MqttClient) => void;
  logger: EngineLogger;
  /** Quiet time, nothing unacked, after which a session counts as drained. */
  idleMs: number;
}

export interface OrphanDrain {
  stop(): Promise<void>;
}

export function startOrphanDrain(options: OrphanDrainOptions): OrphanDrain {
  const { slots, stem, logger } = options;
  let stopped = false;
  let current: Promise<void> | undefined;
  let abortCurrent: (() => void) | undefined;

  const tick = () => {
    if (stopped || current) return;
    current = slots
      .adoptOrphan(stem)
      .then((slot) => (slot && !stopped ? drain(slot) : slot?.release()))
      .catch((error: unknown) => logger.warn({ err: error, stem }, "MQTT: could not take over an orphaned session"))
      .finally(() => (current = undefined));
  };
  const timer = setInterval(tick, slots.checkEveryMs);
  timer.unref();

  async function drain(slot: SessionSlot): Promise<void> {
    const id = options.idOf(slot.slot);
    let unacked = 0;
    let total = 0;
    let lastAt = Date.now();
    let aborted = false;
    let wake: () => void = () => undefined;
    const tracker: ReceiveTracker = {
      received: () => ((unacked += 1), (total += 1), (lastAt = Date.now())),
      acked: () => ((unacked -= 1), (lastAt = Date.now())),
    };
    const abort = () => ((aborted = true), wake());
    abortCurrent = abort;
    slot.onLost(abort);
    let client: MqttClient | undefined;
    try {
      client = await connectClient(options.url, { ...options.base, clientId: id, clean: false }, options.receive(tracker));
      client.on("close", abort);
      await client.unsubscribeAsync(options.filter);
      while (!aborted && !stopped && (unacked > 0 || Date.now() - lastAt < options.idleMs)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.max(20, options.idleMs / 4));
        });
      }
      if (aborted || stopped) throw new Error("the drain was interrupted");
      client.removeListener("close", abort);
      await client.endAsync();
      const wipe = await connectClient(options.url, { ...options.base, clientId: id, clean: true });
      await wipe.endAsync();
      await slot.retire();
      logger.info({ clientId: id, messages: total }, "MQTT: drained and removed an orphaned session");
    } catch (error) {
      if (client) await endSubscriber(client);
      await slot.release().catch(() => undefined);
      if (!stopped) logger.warn({ err: error, clientId: id, messages: total }, "MQTT: left an orphaned session for later");
    } finally {
      abortCurrent = undefined;
    }
  }

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      abortCurrent?.();
      await current;
    },
  };
}
