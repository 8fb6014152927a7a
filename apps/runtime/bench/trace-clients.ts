/**
 * Watching clients for `pnpm bench trace`, in their own process (like browsers): N socket.io clients watch
 * one flow and count frames, bytes and missed frames. `slow` clients keep their TCP socket paused and read
 * SLOW_BYTES_PER_SECOND (about a tenth of what a watcher is sent), so their TCP window fills.
 *   node --import tsx bench/trace-clients.ts <url> <flowId> <count> <normal|slow> <intervalMs>
 * Reports once asked over IPC ("report"), then exits.
 */
import { io } from "socket.io-client";

const [url = "", flowId = "", countArg = "1", mode = "normal", intervalArg = "100"] = process.argv.slice(2);

interface ClientStats {
  frames: number;
  bytes: number;
  missedFrames: number;
  startedAt: number;
}

/** About a tenth of the ~100 KB/s a watcher of the chain scenario is sent. */
const SLOW_BYTES_PER_SECOND = 10_000;

/** The websocket's TCP socket (ws keeps it as `_socket`): paused, it is read only through `read(n)`. */
interface PausableTransport {
  ws?: { _socket?: { pause(): void; read(size: number): unknown; readableLength: number } };
}

function readSlowly(socket: ReturnType<typeof io>): void {
  const tcp = (socket.io.engine.transport as unknown as PausableTransport).ws?._socket;
  if (!tcp) throw new Error("slow client needs the websocket transport");
  tcp.pause();
  const tickMs = Number(intervalArg);
  const perTick = Math.max(1, Math.round((SLOW_BYTES_PER_SECOND * tickMs) / 1000));
  // read(n) hands the chunk to ws's 'data' listener; what is not read stays in the kernel, so the window fills.
  setInterval(() => {
    if (tcp.readableLength > 0) tcp.read(Math.min(perTick, tcp.readableLength));
  }, tickMs).unref();
}

async function connect(stats: ClientStats): Promise<void> {
  const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false });
  socket.io.on("open", () => {
    // Raw engine.io packets: what the wire carried, without re-encoding frames to measure them.
    socket.io.engine.on("packet", (packet: { data?: unknown }) => {
      if (typeof packet.data === "string") stats.bytes += Buffer.byteLength(packet.data);
    });
  });
  socket.on("trace:frame", (frame: { missedFrames?: number }) => {
    stats.frames++;
    stats.missedFrames += frame.missedFrames ?? 0;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  await socket.timeout(10_000).emitWithAck("deployment:watch", { flowId });
  if (mode === "slow") readSlowly(socket);
}

async function main(): Promise<void> {
  const all: ClientStats[] = [];
  for (let i = 0; i < Number(countArg); i++) {
    const stats: ClientStats = { frames: 0, bytes: 0, missedFrames: 0, startedAt: Date.now() };
    all.push(stats);
    await connect(stats);
  }
  process.send?.({ type: "ready" });
  process.on("message", (message) => {
    if (message !== "report") return;
    const now = Date.now();
    const clients = all.map((s) => ({ frames: s.frames, bytes: s.bytes, missedFrames: s.missedFrames, seconds: (now - s.startedAt) / 1000 }));
    process.send?.({ type: "report", clients }, () => process.exit(0));
  });
}

void main();
