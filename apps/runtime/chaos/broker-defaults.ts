/**
 * The runtime's default broker connections from EVENTLOOM_<KIND>_URL values, parsed exactly as main.ts does
 * (env.ts, connection-defaults.ts), for a runtime child process (StartOptions.connectionDefaults).
 */
import { connectionDefaultsFromEnv } from "../src/bindings/connection-defaults";
import type { ConnectionDefaults } from "../src/bindings/contract";
import { parseEnv } from "../src/env";

export function brokerDefaults(urls: Record<string, string>): ConnectionDefaults {
  const parsed = parseEnv(urls);
  if (!parsed.ok) throw new Error(parsed.message);
  return connectionDefaultsFromEnv(parsed.env);
}
