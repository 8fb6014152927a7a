import { ErrorResponseSchema, type ApiError } from "@eventloom/schema";

/** A failed API call, carrying the server's ApiError (code, message, path, details). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly error: ApiError;

  constructor(status: number, error: ApiError) {
    super(error.message);
    this.name = "ApiRequestError";
    this.status = status;
    this.error = error;
  }

  get code(): ApiError["code"] {
    return this.error.code;
  }
}

/** Anything with zod's `safeParse` shape: the schema's DTOs (the web app needs no direct zod dependency). */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

export interface RequestOptions<T> {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  /** Parses the response body; omit for endpoints answering 204 / no body of interest. */
  schema?: Parser<T>;
  signal?: AbortSignal;
}

/** The base of every API URL: same origin in production, proxied by Vite in dev. */
const API_BASE = "/api";

/**
 * Calls the runtime's REST API. Responses are parsed with the schema's DTOs at this boundary, so the rest of
 * the app trusts its types; any failure becomes an ApiRequestError with a code the UI can switch on.
 */
export async function request<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? "GET", headers: { accept: "application/json" } };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, init);
  } catch (cause) {
    throw new ApiRequestError(0, { code: "INTERNAL", message: `Cannot reach the runtime (${describe(cause)}).` });
  }
  const body = await readJson(response);
  if (!response.ok) throw new ApiRequestError(response.status, toApiError(response, body));
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, { code: "INTERNAL", message: `Unexpected response from ${path}: ${parsed.error.message}` });
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A non-JSON body (a proxy's HTML error page, say) is reported through the status below.
    return undefined;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) return parsed.data.error;
  return { code: response.status === 404 ? "NOT_FOUND" : "INTERNAL", message: `${response.status} ${response.statusText || "request failed"}` };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
