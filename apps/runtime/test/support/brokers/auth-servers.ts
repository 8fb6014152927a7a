/**
 * Brokers that require a login, started for a test on a free port: nats-server with user/password and
 * Mosquitto with a password file (the machine's shared instances allow anonymous clients, so a wrong
 * password cannot fail against them). Uses the same binaries .ci/run starts the shared services with.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface AuthServer {
  port: number;
  stop(): Promise<void>;
}

/** Daemons live in sbin, which a non-root PATH may lack. */
function binary(name: string): string {
  const sbin = path.join("/usr/sbin", name);
  return fs.existsSync(sbin) ? sbin : name;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening on ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    cleanup();
  };
}

export async function startNatsWithAuth(user: string, password: string): Promise<AuthServer> {
  const port = await freePort();
  const store = fs.mkdtempSync(path.join(os.tmpdir(), "eventloom-nats-auth-"));
  const child = spawn(binary("nats-server"), ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", store, "--user", user, "--pass", password], { stdio: "ignore" });
  await waitForPort(port, child);
  return { port, stop: stopper(child, () => fs.rmSync(store, { recursive: true, force: true })) };
}

export async function startMosquittoWithAuth(user: string, password: string): Promise<AuthServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eventloom-mqtt-auth-"));
  const passwords = path.join(dir, "passwords");
  execFileSync("mosquitto_passwd", ["-c", "-b", passwords, user, password], { stdio: "ignore" });
  // Started as root, mosquitto drops to its own user, which must still read the folder (a test-only login).
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(passwords, 0o644);
  const config = path.join(dir, "mosquitto.conf");
  fs.writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous false\npassword_file ${passwords}\npersistence false\n`);
  const child = spawn(binary("mosquitto"), ["-c", config], { stdio: "ignore" });
  await waitForPort(port, child);
  return { port, stop: stopper(child, () => fs.rmSync(dir, { recursive: true, force: true })) };
}
