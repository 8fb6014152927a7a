/**
 * Child-process entry of runtime-process.ts: a test runtime on TEST_RUNTIME_DB until stdin closes.
 * TEST_RUNTIME_OPTIONS (JSON) passes StartOptions that survive JSON (cluster mode, broker defaults).
 */
import { startTestRuntime, type StartOptions } from "./runtime";

const options = JSON.parse(process.env.TEST_RUNTIME_DB ?? "{}") as { databaseUrl?: string; dataDir?: string };
const startOptions = JSON.parse(process.env.TEST_RUNTIME_OPTIONS ?? "{}") as StartOptions;
const server = await startTestRuntime({ options, provider: options.databaseUrl ? "postgresql" : "sqlite", dispose: async () => undefined }, startOptions);
process.stdout.write(`PORT=${new URL(server.baseUrl).port}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void server.close().then(() => process.exit(0));
});
