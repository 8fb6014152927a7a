/**
 * Turns what a client library threw into a test-result code and a message that says what failed and where,
 * e.g. `RabbitMQ at 127.0.0.1:5672: the broker refused the login of "guest" — check the user name and password.`
 * Libraries differ in how they report the same failure (codes, classes, texts), so this looks at all three.
 */
import type { ConnectionTestErrorCode } from "@eventloom/schema";

export interface ClassifiedError {
  code: ConnectionTestErrorCode;
  message: string;
}

interface Rule {
  code: ConnectionTestErrorCode;
  test: (facts: ErrorFacts) => boolean;
  advice: string;
}

interface ErrorFacts {
  code: string;
  name: string;
  text: string;
}

const TLS_CODES = /^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|ERR_OSSL)/;

const RULES: Rule[] = [
  { code: "CONNECTION_REFUSED", test: (f) => f.code === "ECONNREFUSED" || /CONNECTION_REFUSED|ECONNREFUSED/.test(f.text), advice: "nothing accepts connections there — is the broker running, and are the host and port right?" },
  { code: "HOST_NOT_FOUND", test: (f) => f.code === "ENOTFOUND" || f.code === "EAI_AGAIN" || /ENOTFOUND|getaddrinfo/.test(f.text), advice: "the host name does not resolve — check its spelling." },
  { code: "TLS_ERROR", test: (f) => TLS_CODES.test(f.code) || /\b(SSL|TLS)\b|certificate|wrong version number/i.test(f.text), advice: "the TLS handshake failed — check the TLS setting, the port and the server's certificate." },
  {
    code: "AUTH_FAILED",
    test: (f) =>
      /ACCESS[-_]REFUSED|WRONGPASS|NOAUTH|AUTHORIZATION_VIOLATION|AUTHENTICATION_EXPIRED|Authorization Violation|bad user ?name or password|Not authorized|SASL|authentication failed|UnrecognizedClientException|InvalidSignatureException|IncompleteSignature|ExpiredToken|invalid password|login .*refused/i.test(`${f.name} ${f.text}`),
    advice: "the login was refused — check the user name and password (or token).",
  },
  { code: "NOT_AUTHORIZED", test: (f) => /AccessDenied|NOT_ALLOWED|NOPERM|permission|not allowed|vhost|ConnectionClose/i.test(`${f.name} ${f.text}`), advice: "the login worked but this user may not do that — check its permissions (and the virtual host)." },
  { code: "TIMEOUT", test: (f) => f.code === "ETIMEDOUT" || /timed? ?out|TIMEOUT/i.test(`${f.name} ${f.text}`), advice: "no answer in time — is the host reachable from the runtime (firewall, port)?" },
  { code: "PROTOCOL_ERROR", test: (f) => f.code === "ECONNRESET" || f.code === "EPIPE" || /socket hang up|Connection is closed|unexpected|closed before|frame/i.test(f.text), advice: "the connection was cut during the handshake — is that the right port for this kind of broker (and the right TLS setting)?" },
];

function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== "object" || error === null) return { code: "", name: "", text: String(error) };
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  // AggregateError (several addresses tried) and wrapped causes: the first inner error says the most.
  const inner = Array.isArray(e.errors) && e.errors.length > 0 ? factsOf(e.errors[0]) : e.cause ? factsOf(e.cause) : undefined;
  const own = { code: typeof e.code === "string" ? e.code : "", name: typeof e.name === "string" ? e.name : "", text: typeof e.message === "string" ? e.message : "" };
  if (!inner) return own;
  const text = own.text.includes(inner.text) ? own.text : [own.text, inner.text].filter(Boolean).join(": ");
  return { code: own.code || inner.code, name: `${own.name} ${inner.name}`.trim(), text };
}

/** `title` names the broker kind, `where` the address tried (both go into the message). */
export function classifyConnectError(error: unknown, title: string, where: string): ClassifiedError {
  const facts = factsOf(error);
  const rule = RULES.find((candidate) => candidate.test(facts));
  const detail = facts.text ? ` (${facts.text.slice(0, 300)})` : "";
  if (!rule) return { code: "BROKER_ERROR", message: `${title} at ${where}: the broker answered with an error${detail}.` };
  return { code: rule.code, message: `${title} at ${where}: ${rule.advice}${detail}` };
}
