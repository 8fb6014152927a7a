#!/usr/bin/env node
// Eventloom's copy of the wasm schema-engine stand-in, PINNED to prisma 7.10.1 (with @prisma/adapter-pg and
// @prisma/adapter-better-sqlite3 7.10.0, @prisma/schema-engine-wasm 8.1.0-2.59be4fda…). Upgrading Prisma means
// re-running test/schema-engine-wasm.test.ts before trusting migrations again.
//
// Why it exists: every Prisma CLI migration command wants to download the native `schema-engine` binary,
// which is unreachable here and in CI. The same engine ships as WebAssembly inside the `prisma` package;
// this script speaks the native binary's stdio protocol and runs that wasm through the driver adapters, so
// `migrate dev|deploy|status|diff` work offline. scripts/*.mjs point PRISMA_SCHEMA_ENGINE_BINARY here.
// Source: the team's tested reference tool (shared/tools/prisma-schema-engine-wasm.mjs). Local changes: no
// error is swallowed silently (each former empty catch logs a warning), and a configured PostgreSQL shadow
// database is emptied before each use, as the native engine does (see makePgFactory).
//
// Drop-in replacement for Prisma's native `schema-engine` binary.
//
// The Prisma CLI (7.x) spawns PRISMA_SCHEMA_ENGINE_BINARY with
//   --datamodels <file>... [--datasource <json>] [--enabled-preview-features a,b]
// and talks newline-delimited JSON-RPC 2.0 over stdin/stdout.
// This script answers that protocol with the WebAssembly build of the same engine
// (@prisma/schema-engine-wasm) connected to the database through a Prisma driver
// adapter (better-sqlite3 for `file:` URLs, node-postgres for `postgres(ql)://` URLs).
// Nothing is downloaded.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ENGINE_PKG = "@prisma/schema-engine-wasm";

function log(level, message) {
  // The CLI parses stderr lines as JSON; ERROR lines become the reported error.
  process.stderr.write(JSON.stringify({ level, fields: { message }, target: "schema_engine_wasm_shim" }) + "\n");
}

// ---------- argv ----------
const argv = process.argv.slice(2);
// Which .wasm to run: the one the Prisma CLI itself ships (exactly the CLI's engine
// version; prisma/build/schema_engine_bg.wasm), else the one in @prisma/schema-engine-wasm.
// The JS glue always comes from @prisma/schema-engine-wasm (same wasm-bindgen imports).
const glueFile = require.resolve(`${ENGINE_PKG}/schema_engine_bg`);
function wasmFile() {
  if (process.env.SCHEMA_ENGINE_WASM) return process.env.SCHEMA_ENGINE_WASM;
  try {
    const cliWasm = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
    if (fs.existsSync(cliWasm)) return cliWasm;
  } catch (e) {
    log("WARN", `prisma CLI not resolvable (${e?.message}); using the wasm of ${ENGINE_PKG}`);
  }
  return path.join(path.dirname(glueFile), "schema_engine_bg.wasm");
}
if (argv.includes("--version") || argv.includes("-V")) {
  const hash = fs.readFileSync(wasmFile()).toString("latin1").match(/[0-9a-f]{40}/g)?.find((h) => !/^(.)\1+$/.test(h) && !h.startsWith("0000") && h !== "8bab26f4f68e0e26f0bb7960be334d5b520ea452");
  process.stdout.write(`schema-engine-cli ${hash ?? "wasm"}\n`);
  process.exit(0);
}
const datamodelPaths = [];
let datasource = {};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--datamodels") {
    while (argv[i + 1] && !argv[i + 1].startsWith("--")) datamodelPaths.push(argv[++i]);
  } else if (a === "--datasource") {
    datasource = JSON.parse(argv[++i]);
  } else if (a === "--enabled-preview-features" || a === "--extension-types") {
    i++;
  }
}
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]);
const cliIdx = argv.indexOf("cli");

// Schema sources the provider can be read from: the --datamodels files, or (when the CLI starts
// the engine without them, e.g. `migrate diff` with no datasource) schema contents in the RPC params.
const extraSchemaSources = [];
function providerFromSchema() {
  for (const src of [...datamodels.map(([, c]) => c), ...extraSchemaSources]) {
    const m = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/s.exec(src);
    if (m) return m[1];
  }
  return undefined;
}
function collectSchemaContents(v) {
  if (typeof v === "string") { if (/datasource\s+\w+\s*\{/.test(v)) extraSchemaSources.push(v); return; }
  if (v && typeof v === "object") for (const x of Object.values(v)) collectSchemaContents(x);
}

// ---------- driver adapter ----------
const utils = require("@prisma/driver-adapter-utils");

function sqlitePath(url) {
  return url.replace(/^file:/, "");
}

async function makeAdapterFactory(url, shadowUrl) {
  if (!url) {
    // No database in play (e.g. `migrate diff --from-empty --to-schema`): a mock adapter
    // gives the engine the right SQL flavour without connecting anywhere.
    const provider = providerFromSchema();
    const p = provider === "postgresql" || provider === "postgres" ? "postgres" : provider;
    if (!p) throw new Error("No datasource url and no provider in schema");
    if (p === "sqlite") {
      const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3");
      return new PrismaBetterSqlite3({ url: ":memory:" });
    }
    // Offline stand-in: answers the engine's start-up probe (schema exists, server version) and
    // refuses every other query - enough for schema-to-schema `migrate diff`.
    const T = utils.ColumnTypeEnum;
    const mock = () => ({
      ...utils.mockAdapter(p),
      getConnectionInfo: () => ({ schemaName: p === "postgres" ? "public" : undefined, supportsRelationJoins: false }),
      queryRaw: async (q) => {
        if (p === "postgres" && /FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(q.sql)) {
          return { columnNames: ["exists", "version", "numeric_version"], columnTypes: [T.Boolean, T.Text, T.Int32],
            rows: [[true, "PostgreSQL 15.0 (offline stand-in)", 150000]] };
        }
        throw new Error(`no database configured (datasource.url is empty); cannot run: ${q.sql.slice(0, 80)}`);
      },
    });
    return { provider: p, adapterName: "@prisma/adapter-mock", connect: async () => mock(), connectToShadowDb: async () => mock() };
  }
  if (url.startsWith("file:")) {
    const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url }, shadowUrl ? { shadowDatabaseUrl: shadowUrl } : undefined);
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return makePgFactory(url, shadowUrl);
  }
  throw new Error(`schema-engine-wasm shim: unsupported datasource url ${url.split(":")[0]}:`);
}

// ---------- PostgreSQL ----------
// Workaround 4: @prisma/adapter-pg refuses result columns of PostgreSQL's internal catalog types
// (e.g. "char", int2vector), which the engine's schema describer selects from pg_catalog
// ("Column type 'char' could not be deserialized"). Such columns are handed on as text.
const PG_SUPPORTED_OIDS = new Set([16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082,
  1083, 1114, 1184, 1266, 1560, 1562, 1700, 2950, 3802, 143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014,
  1015, 1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807]);
function fixPgFields(res) {
  for (const r of Array.isArray(res) ? res : [res]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID < 16384 && !PG_SUPPORTED_OIDS.has(f.dataTypeID)) f.dataTypeID = 25;
  }
  return res;
}
function wrapPgQueryable(target) {
  const query = target.query.bind(target);
  target.query = (...args) => {
    const last = args[args.length - 1];
    if (typeof last === "function") return query(...args.slice(0, -1), (err, res) => last(err, err ? res : fixPgFields(res)));
    return query(...args).then(fixPgFields);
  };
  return target;
}
function adapterPg() {
  // use the same `pg` module instance that @prisma/adapter-pg uses
  const req = createRequire(require.resolve("@prisma/adapter-pg"));
  return { pg: req("pg"), PrismaPg: require("@prisma/adapter-pg").PrismaPg };
}
function makePgPool(pg, connectionString) {
  const pool = wrapPgQueryable(new pg.Pool({ connectionString }));
  const connect = pool.connect.bind(pool);
  pool.connect = (...args) => {
    if (typeof args[0] === "function") return connect((err, client, done) => args[0](err, err ? client : wrapPgQueryable(client), done));
    return connect().then(wrapPgQueryable);
  };
  return pool;
}
function pgOptionsFor(url) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  return { disposeExternalPool: true, ...(schema ? { schema } : {}) };
}
function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(db);
  return u.toString();
}
// Workaround 5 (important): PrismaPg.connectToShadowDb() builds its temporary shadow database pool as
// { ...config, database } - but with a `connectionString` config, node-postgres lets the connection
// string win, so the "shadow" pool would point at the MAIN database. Here the shadow database gets
// a connection string of its own (the configured shadowDatabaseUrl, or a temporary database).
const tempShadowDbs = new Set();
function makePgFactory(url, shadowUrl) {
  const { pg, PrismaPg } = adapterPg();
  const factory = new PrismaPg(makePgPool(pg, url), pgOptionsFor(url));
  factory.connectToShadowDb = async () => {
    if (shadowUrl) {
      // Eventloom fix: like the native engine, empty a configured shadow database before each use; the
      // wasm engine replays the migrations into it more than once per `migrate dev` and otherwise fails
      // with "relation ... already exists" (P3006).
      const conn = await new PrismaPg(makePgPool(pg, shadowUrl), pgOptionsFor(shadowUrl)).connect();
      const schema = (new URL(shadowUrl).searchParams.get("schema") ?? "public").replace(/"/g, '""');
      await conn.executeScript(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}";`);
      return conn;
    }
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    tempShadowDbs.add(name);
    const conn = await new PrismaPg(makePgPool(pg, withDatabase(url, name)), pgOptionsFor(url)).connect();
    const dispose = conn.dispose.bind(conn);
    conn.dispose = async () => {
      await dispose();
      await dropTempShadowDb(pg, url, name);
    };
    return conn;
  };
  return factory;
}
async function dropTempShadowDb(pg, url, name) {
  if (!tempShadowDbs.delete(name)) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try { await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); } finally { await admin.end(); }
}
async function dropAllTempShadowDbs() {
  if (!tempShadowDbs.size) return;
  const { pg } = adapterPg();
  for (const name of [...tempShadowDbs]) {
    await dropTempShadowDb(pg, datasource.url, name).catch((e) => log("WARN", `could not drop temporary shadow database ${name}: ${e?.message}`));
  }
}

// ---------- wasm engine ----------
async function loadEngine() {
  const glue = await import(`${ENGINE_PKG}/schema_engine_bg`);
  const module = new WebAssembly.Module(fs.readFileSync(wasmFile()));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue.SchemaEngine;
}

// ---------- one-shot `cli` sub-commands (can-connect-to-database, create-database, drop-database) ----------
function pgAdminUrl(url) {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ""));
  u.pathname = "/postgres";
  u.searchParams.delete("schema");
  return { db, admin: u.toString(), host: `${u.hostname}:${u.port || 5432}` };
}
function cliFail(code, message) {
  // The CLI skips the first stderr line, then reads JSON lines with target schema_engine::logger.
  process.stderr.write("schema-engine-wasm shim error\n");
  process.stderr.write(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: code, message } }) + "\n");
  process.exit(1);
}
async function runCliCommand(cmd) {
  const url = datasource.url ?? "";
  if (url.startsWith("file:")) {
    const p = sqlitePath(url);
    if (cmd === "can-connect-to-database") {
      if (!fs.existsSync(p)) cliFail("P1003", `Database \`${path.basename(p)}\` does not exist at \`${p}\``);
    } else if (cmd === "create-database") {
      fs.mkdirSync(path.dirname(path.resolve(p)), { recursive: true });
      fs.closeSync(fs.openSync(p, "a"));
    } else if (cmd === "drop-database") {
      fs.rmSync(p, { force: true });
    }
    process.exit(0);
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pg = require("pg");
    const { db, admin, host } = pgAdminUrl(url);
    const target = cmd === "can-connect-to-database" ? url : admin;
    const c = new pg.Client({ connectionString: target.replace(/([?&])schema=[^&]*&?/, "$1").replace(/[?&]$/, "") });
    try {
      await c.connect();
      if (cmd === "create-database") await c.query(`CREATE DATABASE "${db.replace(/"/g, '""')}"`);
      if (cmd === "drop-database") await c.query(`DROP DATABASE IF EXISTS "${db.replace(/"/g, '""')}"`);
      await c.end();
    } catch (e) {
      if (e.code === "3D000") cliFail("P1003", `Database \`${db}\` does not exist on the database server at \`${host}\`.`);
      if (e.code === "28P01" || e.code === "28000") cliFail("P1000", `Authentication failed against database server at \`${host}\`: ${e.message}`);
      if (e.code === "ECONNREFUSED") cliFail("P1001", `Can't reach database server at \`${host}\``);
      cliFail("P1000", e.message);
    }
    process.exit(0);
  }
  cliFail("P1013", `unsupported datasource url for the wasm schema engine shim`);
}
if (cliIdx !== -1) await runCliCommand(argv[cliIdx + 1]);

// Workaround: this wasm engine build reports a missing `_prisma_migrations` table as error P1014
// instead of "migrations not initialised" (the native engine creates it). So when reading that table
// fails because it does not exist, create it with the native engine's DDL and read again (0 rows).
const MIGRATIONS_TABLE_DDL = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`,
};
function isMissingTable(e) {
  const c = e?.cause ?? {};
  return c.kind === "TableDoesNotExist" || /no such table|does not exist/i.test(String(c.originalMessage ?? e?.message ?? ""));
}
// Workaround 2: the engine applies migration scripts to the shadow database with executeRaw, but
// better-sqlite3 (and node-postgres' extended protocol) run one statement per call. A parameterless
// multi-statement call is re-run through executeScript (better-sqlite3 exec / pg simple query).
function isMultiStatementError(e) {
  const m = String(e?.cause?.originalMessage ?? e?.cause?.message ?? e?.message ?? "");
  return /more than one statement|cannot insert multiple commands into a prepared statement/i.test(m);
}
function patchConnection(conn, provider) {
  if (process.env.SCHEMA_ENGINE_SHIM_DEBUG) {
    for (const m of ["queryRaw", "executeRaw", "executeScript"]) {
      const f = conn[m].bind(conn);
      conn[m] = async (q) => {
        process.stderr.write(`[shim] ${m}: ${(typeof q === "string" ? q : q.sql).slice(0, 300).replace(/\n/g, " ")}\n`);
        try { return await f(q); } catch (e) { process.stderr.write(`[shim]   -> error ${e?.cause?.originalMessage ?? e?.message}\n`); throw e; }
      };
    }
  }
  const executeRaw = conn.executeRaw.bind(conn);
  conn.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if ((query.args?.length ?? 0) !== 0 || !isMultiStatementError(e)) throw e;
      await conn.executeScript(query.sql);
      return 0;
    }
  };
  const queryRaw = conn.queryRaw.bind(conn);
  conn.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (e) {
      if (!/FROM\s+[`"]?_prisma_migrations[`"]?/i.test(query.sql) || !isMissingTable(e) || !MIGRATIONS_TABLE_DDL[provider]) throw e;
      await conn.executeScript(MIGRATIONS_TABLE_DDL[provider]);
      return await queryRaw(query);
    }
  };
  return conn;
}
function patchMigrationsTableRead(factory) {
  if (!factory || typeof factory.connect !== "function") return factory;
  for (const method of ["connect", "connectToShadowDb"]) {
    if (typeof factory[method] !== "function") continue;
    const orig = factory[method].bind(factory);
    factory[method] = async (...args) => patchConnection(await orig(...args), factory.provider);
  }
  return factory;
}
// The engine is started on the first request (so a schema in that request can name the provider).
// If it cannot start, every request is answered with the error: a silent exit would make the CLI
// report success.
let adapter, engine, startupError;
async function ensureEngine(params) {
  if (engine || startupError) return;
  try {
    if (!datasource.url && !datamodels.length) collectSchemaContents(params);
    const rawFactory = patchMigrationsTableRead(await makeAdapterFactory(datasource.url, datasource.shadowDatabaseUrl));
    adapter = utils.bindMigrationAwareSqlAdapterFactory(rawFactory);
    const SchemaEngine = await loadEngine();
    engine = await SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, (line) => {
      process.stderr.write(String(line).replace(/\n/g, " ") + "\n");
    }, adapter);
  } catch (e) {
    startupError = e;
    log("ERROR", `schema-engine-wasm shim failed to start: ${explain(e)}`);
  }
}

// ---------- JSON-RPC over stdio ----------
let nextOwnId = 1_000_000;
const pendingOwn = new Map();
function send(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}
function printViaCli(content) {
  // the native engine prints `migrate diff` output by asking the CLI to print it
  const id = nextOwnId++;
  return new Promise((resolve) => {
    pendingOwn.set(id, resolve);
    send({ jsonrpc: "2.0", id, method: "print", params: { content: content.replace(/\n$/, "") } });
  });
}

function explain(err) {
  let message = err?.message ?? String(err);
  const m = /External error id#(\d+)/.exec(message);
  if (m && adapter) {
    const rec = adapter.errorRegistry.consumeError(Number(m[1]));
    const e = rec?.error;
    if (e) message += `\nDriver adapter error: ${e.message ?? JSON.stringify(e)}`;
  }
  return message;
}

async function createDatabase() {
  const url = datasource.url;
  if (url?.startsWith("file:")) {
    const p = sqlitePath(url);
    fs.closeSync(fs.openSync(p, "a"));
    return { databaseName: path.basename(p) };
  }
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pg = require("pg");
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, ""));
    u.pathname = "/postgres";
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try { await c.query(`CREATE DATABASE "${db.replace(/"/g, '""')}"`); } finally { await c.end(); }
    return { databaseName: db };
  }
  throw new Error("createDatabase: unsupported url");
}

// Workaround 3: for SQLite this wasm engine's `reset` only DELETEs rows and keeps the tables, so
// `migrate reset` / `migrate dev` after drift then fail with "table ... already exists". The native
// engine deletes the database file; here every table, view and trigger is dropped instead.
function sqliteReset(filter) {
  const Database = require("better-sqlite3");
  const db = new Database(sqlitePath(datasource.url));
  try {
    const keep = new Set(filter?.externalTables ?? []);
    const objs = db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table','view','trigger') AND name NOT LIKE 'sqlite_%'").all();
    const q = (n) => `"${n.replace(/"/g, '""')}"`;
    const stmts = ["PRAGMA foreign_keys = OFF;"];
    for (const o of objs) if (o.type === "trigger") stmts.push(`DROP TRIGGER IF EXISTS ${q(o.name)};`);
    for (const o of objs) if (o.type === "view") stmts.push(`DROP VIEW IF EXISTS ${q(o.name)};`);
    for (const o of objs) if (o.type === "table" && !keep.has(o.name)) stmts.push(`DROP TABLE IF EXISTS ${q(o.name)};`);
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) stmts.push("DELETE FROM sqlite_sequence;");
    stmts.push("PRAGMA foreign_keys = ON;");
    db.exec(stmts.join("\n"));
    db.exec("VACUUM");
  } finally {
    db.close();
  }
}

async function dispatch(method, params) {
  await ensureEngine(params);
  if (startupError) throw startupError;
  switch (method) {
    case "reset":
      if (datasource.url?.startsWith("file:")) { sqliteReset(params?.filter); return null; }
      await engine.reset(params);
      return null;
    case "getDatabaseVersion":
      return engine.version(params ?? null);
    case "createDatabase":
      return createDatabase();
    case "diff": {
      const { stdout, ...rest } = await engine.diff(params);
      if (stdout) await printViaCli(stdout);
      return rest;
    }
    case "dbExecute":
      await engine.dbExecute(params);
      return null;
    case "debugPanic":
      return engine.debugPanic();
    default:
      if (typeof engine[method] !== "function") {
        const e = new Error(`Method ${method} is not supported by the wasm schema engine`);
        throw e;
      }
      return (await engine[method](params)) ?? null;
  }
}

let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  if (!line.trim()) return;
  let msg;
  try { msg = JSON.parse(line); } catch (e) { log("WARN", `ignoring a line that is not JSON-RPC: ${e?.message}`); return; }
  if (msg.method === undefined && pendingOwn.has(msg.id)) {
    pendingOwn.get(msg.id)(msg.result);
    pendingOwn.delete(msg.id);
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await dispatch(msg.method, msg.params);
      send({ jsonrpc: "2.0", id: msg.id, result: result === undefined ? null : result });
    } catch (err) {
      const isPanic = err instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(err?.message ?? "");
      const message = explain(err);
      if (isPanic) log("ERROR", message);
      send({
        jsonrpc: "2.0",
        id: msg.id,
        error: {
          code: 4466,
          message: "An error happened. Check the data field for details.",
          data: { is_panic: isPanic, message, meta: err?.meta ?? null, error_code: err?.code ?? null },
        },
      });
    }
  });
});
rl.on("close", async () => {
  await queue;
  await dropAllTempShadowDbs();
  try { engine?.free(); } catch (e) { log("WARN", `freeing the wasm engine failed: ${e?.message}`); }
  process.exit(startupError ? 1 : 0);
});
