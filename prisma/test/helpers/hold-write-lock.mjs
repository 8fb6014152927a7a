// Child process for the SQLite busy-timeout test: takes the database's write lock, says "locked" on
// stdout, keeps the lock for <ms> milliseconds, then commits. Another process, not another client in the
// same process: better-sqlite3 is synchronous, so in-process waiting would block the lock holder too.
import Database from "better-sqlite3";

const [file, ms] = process.argv.slice(2);
const db = new Database(file);
db.exec("BEGIN IMMEDIATE");
db.prepare(`INSERT INTO "Workspace" ("id", "name", "createdAt") VALUES (?, ?, ?)`).run("held-lock", "Held", new Date().toISOString());
process.stdout.write("locked\n");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
db.exec("COMMIT");
db.close();
