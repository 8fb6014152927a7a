/**
 * "Test connection": connects to the broker with its own client library, does one cheap round trip (a PING,
 * account info, cluster metadata, …), closes, and reports {ok, latencyMs} or what failed and where. Every
 * attempt is bounded by a timeout; a probe that overruns is aborted so it releases its socket.
 */
import { CONNECTION_KIND_TITLES, type ConnectionKind, type ConnectionSettings, type ConnectionSettingsOf, type ConnectionTestResult } from "@eventloom/schema";
import { classifyConnectError } from "./classify-error";

export type ConnectionTester = (settings: ConnectionSettings) => Promise<ConnectionTestResult>;

/** One kind's probe: where it connects (for messages) and the round trip itself; resolves with a detail line. */
export interface Probe<K extends ConnectionKind> {
  where(settings: ConnectionSettingsOf<K>): string;
  /** Whether the settings ask for TLS: a TLS client talking to a plaintext port often just waits, so a timeout says so. */
  usesTls?(settings: ConnectionSettingsOf<K>): boolean;
  run(settings: ConnectionSettingsOf<K>, context: ProbeContext): Promise<string | undefined>;
}

export interface ProbeContext {
  timeoutMs: number;
  /** Aborted when the timeout passes: the probe closes whatever it opened. */
  signal: AbortSignal;
}

export type Probes = { [K in ConnectionKind]: Probe<K> };

export interface ConnectionTesterOptions {
  probes: Probes;
  /** Default 5 s. */
  timeoutMs?: number;
  now?: () => number;
}

export const TEST_TIMEOUT_MS = 5000;

export function createConnectionTester(options: ConnectionTesterOptions): ConnectionTester {
  const timeoutMs = options.timeoutMs ?? TEST_TIMEOUT_MS;
  const now = options.now ?? (() => performance.now());
  return async (settings) => {
    const probe = options.probes[settings.kind] as Probe<ConnectionKind>;
    const title = CONNECTION_KIND_TITLES[settings.kind];
    const where = probe.where(settings);
    const started = now();
    const latency = () => Math.round((now() - started) * 10) / 10;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    try {
      const outcome = await Promise.race([probe.run(settings, { timeoutMs, signal: controller.signal }), timedOut]);
      if (outcome === "timeout") {
        controller.abort();
        const tlsHint = probe.usesTls?.(settings) ? " With TLS on: does the server speak TLS on that port?" : "";
        const message = `${title} at ${where}: no answer within ${timeoutMs / 1000} s — is the host reachable from the runtime (firewall, port)?${tlsHint}`;
        return { ok: false, latencyMs: latency(), error: { code: "TIMEOUT", message } };
      }
      return { ok: true, latencyMs: latency(), ...(outcome ? { detail: outcome } : {}) };
    } catch (error) {
      controller.abort();
      return { ok: false, latencyMs: latency(), error: classifyConnectError(error, title, where) };
    } finally {
      clearTimeout(timer);
    }
  };
}
