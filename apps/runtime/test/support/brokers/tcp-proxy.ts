/**
 * A TCP proxy on a random port in front of a broker service, for outage tests against services the tests do
 * not own (NATS, Mosquitto, RabbitMQ, Redis on the machine): `cut()` drops every client connection and
 * refuses new ones — to the client exactly like a broker that went away — and `restore()` lets them in again.
 */
import net from "node:net";

export interface TcpProxy {
  readonly host: string;
  readonly port: number;
  /** Drops every open connection and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(upstream: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let refusing = false;
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
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
