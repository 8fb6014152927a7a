/**
 * A TCP proxy on a random port in front of a broker service, for outage tests against services the tests do
 * not own (NATS, Mosquitto, RabbitMQ, Redis on the machine): `cut()` drops every client connection and
 * refuses new ones — to the client exactly like a broker that went away — and `restore()` lets them in again.
 * `stall()` keeps the connections open but forwards nothing (a link gone silent: requests get no answer) until
 * `flow()`, which passes on what was held.
 */
import net from "node:net";

export interface TcpProxy {
  readonly host: string;
  readonly port: number;
  /** Drops every open connection and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  /** Forwards nothing either way until `flow()`; connections stay open. */
  stall(): void;
  flow(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(upstream: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let refusing = false;
  let stalled = false;
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const broker = net.connect(upstream);
    for (const [socket, other] of [[client, broker], [broker, client]] as const) {
      open.add(socket);
      socket.on("error", () => other.destroy());
      socket.on("close", () => {
        open.delete(socket);
        other.destroy();
      });
    }
    const pair: [net.Socket, net.Socket] = [client, broker];
    pairs.add(pair);
    client.on("close", () => pairs.delete(pair));
    if (stalled) return;
    client.pipe(broker);
    broker.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    cut() {
      refusing = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      refusing = false;
    },
    stall() {
      stalled = true;
      for (const [client, broker] of pairs) {
        client.unpipe(broker);
        broker.unpipe(client);
        client.pause();
        broker.pause();
      }
    },
    flow() {
      stalled = false;
      for (const [client, broker] of pairs) {
        client.pipe(broker);
        broker.pipe(client);
      }
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
