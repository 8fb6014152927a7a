/**
 * An HTTP + socket.io client with its own cookie jar, like one browser: it keeps the session and CSRF cookies
 * the server sets and sends the CSRF header on every state-changing request (fetching /api/auth/state first
 * when it has no CSRF cookie yet). `csrf: false` on a request leaves the header out.
 */
import type { ClientToServerEvents, ServerToClientEvents } from "@eventloom/schema";
import { io as connectSocket, type Socket } from "socket.io-client";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** Sends the body as given with this content type. */
  contentType?: string;
  /** false: no x-csrf-token header (to test the CSRF check). */
  csrf?: boolean;
  headers?: Record<string, string>;
}

export interface TestClient {
  /** JSON request; with `raw` (or options.contentType) the body is sent as given with its own content type. */
  // Test bodies are read loosely on purpose: assertions check their shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api<T = any>(method: string, url: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Opens a socket with this client's cookies (and Origin, when given); rejects with the connect_error. */
  connect(options?: { origin?: string }): Promise<TestSocket>;
  cookie(name: string): string | undefined;
  /** The Cookie header this client sends. */
  cookieHeader(): string;
  disconnectAll(): void;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function createTestClient(baseUrl: string): TestClient {
  const jar = new Map<string, string>();
  const sockets: TestSocket[] = [];
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");

  const remember = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attributes.some((attribute) => attribute.trim().toLowerCase() === "max-age=0");
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  };

  async function send(method: string, url: string, body: unknown, options: RequestOptions): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let payload: string | undefined;
    if (options.contentType) {
      headers["content-type"] = options.contentType;
      payload = String(body);
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    if (!SAFE.has(method) && options.csrf !== false) {
      if (!jar.has("el_csrf")) await send("GET", "/api/auth/state", undefined, {});
      headers["x-csrf-token"] = jar.get("el_csrf") ?? "";
    }
    if (jar.size > 0) headers.cookie = cookieHeader();
    const response = await fetch(`${baseUrl}${url}`, { method, headers, body: payload });
    remember(response.headers);
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("application/json");
    return { status: response.status, body: isJson && text ? JSON.parse(text) : text, headers: response.headers };
  }

  return {
    api: (method, url, body, options = {}) => send(method, url, body, options) as never,
    async connect(options = {}) {
      const extraHeaders: Record<string, string> = { cookie: cookieHeader() };
      if (options.origin) extraHeaders.origin = options.origin;
      const socket: TestSocket = connectSocket(baseUrl, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    },
    cookie: (name) => jar.get(name),
    cookieHeader,
    disconnectAll() {
      for (const socket of sockets) socket.disconnect();
    },
  };
}
