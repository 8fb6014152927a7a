/**
 * Two runtimes in cluster mode on one fresh PostgreSQL database and the test Redis: `first` in this process
 * (its internals can be inspected), `second` a child process — what the cluster tests of one feature need.
 */
import { services, uniqueName } from "./brokers/services";
import { createTestDatabase, type TestDatabase } from "./database";
import { startTestRuntime, type StartOptions, type TestRuntime } from "./runtime";
import { startRuntimeProcess, type RuntimeProcess } from "./runtime-process";

export interface ClusterPair {
  database: TestDatabase;
  first: TestRuntime;
  second: RuntimeProcess;
  /** Worker ids of `first` and `second`. */
  workerIds: [string, string];
  /** Stops both runtimes, then drops the database. */
  close(): Promise<void>;
}

/**
 * `name` makes the worker ids unique to the test file and run; the lease is short so failovers are quick.
 * `options` go to both runtimes (JSON-safe ones: broker defaults, for instance); `reconcileEveryMs` spaces
 * their periodic database check (a test can then see what happens without it).
 */
export async function startClusterPair(name: string, options: Omit<StartOptions, "cluster"> & { reconcileEveryMs?: number } = {}): Promise<ClusterPair> {
  const run = uniqueName(name);
  const { reconcileEveryMs, ...start } = options;
  const cluster = (worker: string) => ({ ...start, cluster: { redisUrl: services.redis, workerId: `${run}-${worker}`, leaseMs: 1_500, ...(reconcileEveryMs ? { reconcileEveryMs } : {}) } });
  const database = await createTestDatabase({ provider: "postgresql" });
  const first = await startTestRuntime(database, cluster("a"));
  const second = await startRuntimeProcess(database, cluster("b"));
  return {
    database,
    first,
    second,
    workerIds: [`${run}-a`, `${run}-b`],
    async close() {
      await second.close();
      await first.close();
      await database.dispose();
    },
  };
}
