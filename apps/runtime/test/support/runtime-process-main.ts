/** Child-process entry of runtime-process.ts: a test runtime on TEST_RUNTIME_DB until stdin closes. */
import { startTestRuntime } from "./runtime";

const options = JSON.parse(process.env.TEST_RUNTIME_DB ?? "{}") as { databaseUrl?: string; dataDir?: string };
const server = await startTestRuntime({ options, provider: options.databaseUrl ? "postgresql" : "sqlite", dispose: async () => undefined });
process.stdout.write(`PORT=${new URL(server.baseUrl).port}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void server.close().then(() => process.exit(0));
});
