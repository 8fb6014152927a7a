/**
 * A lean HTTP client for request floods (the fuzz test): node:http over a keep-alive agent, no fetch machinery,
 * so the client's CPU does not dominate the run on a small machine.
 */
import http from "node:http";

export interface RawResponse {
  status: number;
  /** Parsed JSON, or the text when it is not JSON. */
  body: unknown;
}

export function createRawClient(baseUrl: string, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const base = new URL(baseUrl);
  return {
    send(method: string, path: string, body: string, contentType: string): Promise<RawResponse> {
      return new Promise((resolve, reject) => {
        const payload = Buffer.from(body, "utf8");
        const request = http.request(
          { agent, host: base.hostname, port: base.port, method, path, headers: { ...headers, "content-type": contentType, "content-length": String(payload.length) } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              let parsed: unknown = text;
              try {
                parsed = JSON.parse(text);
              } catch {
                // not JSON: keep the text for the failure message
              }
              resolve({ status: response.statusCode ?? 0, body: parsed });
            });
            response.on("error", reject);
          },
        );
        // The server may answer (413, 415) and close before reading a large body: that is an answer, not an error.
        request.on("error", reject);
        request.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
