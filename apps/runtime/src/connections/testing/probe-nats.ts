/** NATS JetStream: connect (token or user/password) with nats.js, then ask JetStream for the account's info. */
import { connect, type ConnectionOptions } from "nats";
import type { Probe } from "./tester";

export const natsProbe: Probe<"nats-jetstream"> = {
  where: (s) => `${s.servers.join(", ")}${s.username ? ` (user "${s.username}")` : ""}`,
  async run(s, { timeoutMs, signal }) {
    const options: ConnectionOptions = { servers: s.servers, timeout: timeoutMs, reconnect: false, maxReconnectAttempts: 0, name: "eventloom connection test" };
    if (s.token) options.token = s.token;
    if (s.username) options.user = s.username;
    if (s.password) options.pass = s.password;
    const connection = await connect(options);
    const stop = () => void connection.close();
    signal.addEventListener("abort", stop, { once: true });
    try {
      const manager = await connection.jetstreamManager({ timeout: timeoutMs }).catch((error: unknown) => {
        throw new JetStreamUnavailableError(error);
      });
      const account = await manager.getAccountInfo();
      return `NATS ${connection.info?.version ?? ""} · JetStream: ${account.streams} stream(s), ${account.consumers} consumer(s)`;
    } finally {
      signal.removeEventListener("abort", stop);
      await connection.close();
    }
  },
};

/** Connected, but the account has no JetStream (the server runs without -js, or the account lacks it). */
class JetStreamUnavailableError extends Error {
  override name = "JetStreamUnavailableError";
  constructor(cause: unknown) {
    super(`connected, but JetStream is not available for this account (is the server started with JetStream enabled?): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
