/** RabbitMQ: an AMQP 0-9-1 handshake (login and virtual host) with amqplib, then close. */
import { isIP } from "node:net";
import amqp from "amqplib";
import type { Probe } from "./tester";

export const rabbitMqProbe: Probe<"rabbitmq"> = {
  where: (s) => `${s.tls ? "amqps" : "amqp"}://${s.host}:${s.port} (virtual host "${s.vhost}", user "${s.username}")`,
  usesTls: (s) => s.tls,
  async run(s, { timeoutMs, signal }) {
    const connection = await amqp.connect(
      { protocol: s.tls ? "amqps" : "amqp", hostname: s.host, port: s.port, vhost: s.vhost, username: s.username, password: s.password ?? "", heartbeat: 0 },
      // SNI takes a host name only (an IP address there is deprecated and ignored).
      { timeout: timeoutMs, ...(isIP(s.host) ? {} : { servername: s.host }) },
    );
    // A late success after the timeout: close what was opened.
    if (signal.aborted) {
      await connection.close().catch(() => undefined);
      return undefined;
    }
    connection.on("error", () => undefined);
    const server = connection.connection.serverProperties;
    await connection.close();
    return `${String(server.product ?? "AMQP broker")} ${String(server.version ?? "")}`.trim();
  },
};
