import type { ConnectionKind } from "@eventloom/schema";
import { ConnectionSettingsSchema } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { createConnectionTester, type Probe, type Probes } from "./tester";

function probesWith(probe: Probe<ConnectionKind>): Probes {
  return new Proxy({} as Probes, { get: () => probe });
}

describe("createConnectionTester", () => {
  it("reports success with the probe's detail and the latency", async () => {
    let t = 0;
    const tester = createConnectionTester({ probes: probesWith({ where: () => "here", run: async () => "fine" }), now: () => (t += 12.34) });
    expect(await tester(ConnectionSettingsSchema.parse({ kind: "mqtt" }))).toEqual({ ok: true, latencyMs: 12.3, detail: "fine" });
  });

  it("gives up after the timeout with TIMEOUT naming the address, and aborts the probe", async () => {
    let aborted = false;
    const hang: Probe<ConnectionKind> = {
      where: () => "mq.example:5672",
      run: (_s, { signal }) =>
        new Promise(() => {
          signal.addEventListener("abort", () => {
            aborted = true;
          });
        }),
    };
    const result = await createConnectionTester({ probes: probesWith(hang), timeoutMs: 30 })(ConnectionSettingsSchema.parse({ kind: "rabbitmq" }));
    expect(result).toMatchObject({ ok: false, error: { code: "TIMEOUT", message: expect.stringMatching(/^RabbitMQ at mq\.example:5672: no answer within 0\.03 s/) } });
    expect(aborted).toBe(true);
    const tls = await createConnectionTester({ probes: probesWith({ ...hang, usesTls: () => true }), timeoutMs: 30 })(ConnectionSettingsSchema.parse({ kind: "rabbitmq", tls: true }));
    expect(tls.ok ? "" : tls.error.message).toContain("With TLS on: does the server speak TLS on that port?");
  });

  it("classifies what the probe throws", async () => {
    const refused: Probe<ConnectionKind> = { where: () => "127.0.0.1:1", run: async () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })) };
    const result = await createConnectionTester({ probes: probesWith(refused) })(ConnectionSettingsSchema.parse({ kind: "redis-streams" }));
    expect(result).toMatchObject({ ok: false, error: { code: "CONNECTION_REFUSED", message: expect.stringContaining("Redis Streams at 127.0.0.1:1") } });
  });
});
