/**
 * Watching clients for `pnpm bench trace`, in their own process (like browsers): N socket.io clients watch
 * one flow and count frames, bytes and missed frames. `slow` clients read their TCP socket only one frame
 * interval in every ten (paused otherwise, without burning CPU), so they read 10× slower than frames arrive.
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

/** The websocket's TCP socket (ws keeps it as `_socket`): pausing it stops reading, so the window fills. */
interface PausableTransport {
  ws?: { _socket?: { pause(): void; resume(): void } };
}

function readSlowly(socket: ReturnType<typeof io>): void {
  const interval = Number(intervalArg);
  const tcp = (socket.io.engine.transport as unknown as PausableTransport).ws?._socket;
  if (!tcp) throw new Error("slow client needs the websocket transport");
  const cycle = (): void => {
    tcp.resume();
    setTimeout(() => tcp.pause(), interval).unref();
  };
  tcp.pause();
  setInterval(cycle, interval * 10).unref();
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
