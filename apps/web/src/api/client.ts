import { ErrorResponseSchema, type ApiError } from "@eventloom/schema";
import { announceForbidden, announceUnauthenticated } from "./api-events";
import { CSRF_HEADER, currentCsrfToken, isStateChanging } from "./csrf";

/** A failed API call, carrying the server's ApiError (code, message, path, details). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly error: ApiError;
  /** Seconds to wait before trying again, from a 429's Retry-After header. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, error: ApiError, retryAfterSeconds: number | null = null) {
    super(error.message);
    this.name = "ApiRequestError";
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
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
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Parses the response body; omit for endpoints answering 204 / no body of interest. */
  schema?: Parser<T>;
  signal?: AbortSignal;
  /**
   * The sign-in forms' own calls: a 401 there is an answer (wrong password), not an expired session, and a 403 is
   * shown inline by the form. Everywhere else a 401 sends the user to sign-in and a 403 shows its message.
   */
  sessionless?: boolean;
}

/**
 * The CSRF token /api/auth/state last reported, used only when the `el_csrf` cookie cannot be read. One per
 * page, like the cookie it stands in for.
 */
let reportedCsrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  reportedCsrfToken = token;
}

/** The base of every API URL: same origin in production, proxied by Vite in dev. */
const API_BASE = "/api";

/**
 * Calls the runtime's REST API. Responses are parsed with the schema's DTOs at this boundary, so the rest of
 * the app trusts its types; any failure becomes an ApiRequestError with a code the UI can switch on.
 */
export async function request<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  const csrf = isStateChanging(method) ? currentCsrfToken(reportedCsrfToken) : null;
  if (csrf) headers[CSRF_HEADER] = csrf;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
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
  if (!response.ok) {
    const error = new ApiRequestError(response.status, toApiError(response, body), retryAfter(response));
    if (!options.sessionless) announceSessionTrouble(error);
    throw error;
  }
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

/** An expired or missing session and a refused role are the app's business, not each caller's. */
function announceSessionTrouble(error: ApiRequestError): void {
  if (error.status === 401) announceUnauthenticated();
  else if (error.status === 403) announceForbidden({ message: error.message });
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) return parsed.data.error;
  return { code: fallbackCode(response.status), message: `${response.status} ${response.statusText || "request failed"}` };
}

function fallbackCode(status: number): ApiError["code"] {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "RATE_LIMITED";
  return "INTERNAL";
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get("retry-after");
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
