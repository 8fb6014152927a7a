/**
 * An in-flight window for one QoS 1 subscriber connection: up to `size` messages handed out and not yet
 * acknowledged by the channel, each PUBACKed only after the channel acked it, and PUBACKs sent in the order
 * the messages arrived (MQTT 3.1.1, 4.6: a client MUST send PUBACKs in receive order).
 *
 * MQTT.js offers one message at a time: it reads the next packet only once `handleMessage`'s callback ran,
 * and that callback also sends the PUBACK. So the window calls the callback as soon as there is room (the
 * stream reads on) and holds the PUBACK that callback sends — through MQTT.js' `_sendPacket`, not part of its
 * public API (mqtt is pinned; puback-window.test.ts checks the behaviour against the real client) — until
 * the message's turn comes. Other QoS levels stay one at a time.
 */
import type { MqttClient } from "mqtt";

type PublishPacket = Parameters<MqttClient["handleMessage"]>[0];

interface Slot {
  acked: boolean;
  /** Sends the PUBACK MQTT.js produced for this message; unset until MQTT.js produced it. */
  puback: (() => void) | undefined;
}

type SendPacket = (packet: { cmd: string; messageId?: number }, cb?: (error?: Error) => void, ...rest: unknown[]) => void;

export class PubackWindow {
  /** Messages not PUBACKed yet, in receive order. */
  private readonly slots: Slot[] = [];
  /** Message id → its slot, until MQTT.js hands over its PUBACK. */
  private readonly byId = new Map<number, Slot>();
  private unacked = 0;
  /** The handleMessage callback held back while the window is full (MQTT.js reads nothing meanwhile). */
  private paused: (() => void) | undefined;

  constructor(
    client: MqttClient,
    private readonly size: number,
  ) {
    const target = client as unknown as { _sendPacket: SendPacket };
    const send = target._sendPacket.bind(client);
    target._sendPacket = (packet, cb, ...rest) => {
      const slot = packet.cmd === "puback" && packet.messageId !== undefined ? this.byId.get(packet.messageId) : undefined;
      if (slot === undefined) {
        send(packet, cb, ...rest);
        return;
      }
      this.byId.delete(packet.messageId!);
      slot.puback = () => send(packet);
      cb?.(); // the stream reads the next packet
      this.flush();
    };
  }

  /** Takes one message from handleMessage; returns its ack (sends its PUBACK in turn). */
  take(packet: PublishPacket, done: () => void): () => void {
    if (packet.qos !== 1 || packet.messageId === undefined) return () => done();
    const slot: Slot = { acked: false, puback: undefined };
    this.slots.push(slot);
    this.byId.set(packet.messageId, slot);
    this.unacked++;
    if (this.unacked < this.size) done();
    else this.paused = done;
    return () => {
      if (slot.acked) return;
      slot.acked = true;
      this.unacked--;
      this.resume();
      this.flush();
    };
  }

  private resume(): void {
    const paused = this.paused;
    if (paused === undefined || this.unacked >= this.size) return;
    this.paused = undefined;
    paused();
  }

  /** PUBACKs every acked message at the head, stopping at the first one still out. */
  private flush(): void {
    while (this.slots.length > 0 && this.slots[0]!.acked && this.slots[0]!.puback !== undefined) this.slots.shift()!.puback!();
  }
}
