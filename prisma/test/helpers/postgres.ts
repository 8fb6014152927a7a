// PostgreSQL availability for tests: CI always has the local server, so an unreachable server is a
// failure with a clear message, unless SKIP_PG=1 says this machine has none.
import { connectAdmin, createTempDatabase, type TempDatabase } from "../../scripts/pg-temp-db.mjs";

export type { TempDatabase };
export { createTempDatabase };

/** true when PostgreSQL tests should run; false when SKIP_PG=1; throws when the server is unreachable. */
export async function postgresEnabled(): Promise<boolean> {
  if (process.env.SKIP_PG === "1") return false;
  try {
    const { client } = await connectAdmin();
    await client.end();
    return true;
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nStart it (see STACK.md) or set SKIP_PG=1 to skip PostgreSQL tests.`, { cause: e });
  }
}
