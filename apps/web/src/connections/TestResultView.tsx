import type { ConnectionTestErrorCode, ConnectionTestResult } from "@eventloom/schema";

const CODE_TITLES: Record<ConnectionTestErrorCode, string> = {
  CONNECTION_REFUSED: "Connection refused",
  HOST_NOT_FOUND: "Host not found",
  AUTH_FAILED: "Login refused",
  NOT_AUTHORIZED: "Not authorized",
  TIMEOUT: "No answer",
  TLS_ERROR: "TLS failed",
  PROTOCOL_ERROR: "Connection cut",
  BROKER_ERROR: "Broker error",
  INVALID_SETTINGS: "Invalid settings",
};

export type TestState = { status: "idle" } | { status: "testing" } | { status: "done"; result: ConnectionTestResult } | { status: "failed"; message: string };

/** What "Test connection" found: connected in N ms, or the failure's kind and the runtime's words for it. */
export function TestResultView({ state }: { state: TestState }) {
  if (state.status === "idle") return null;
  if (state.status === "testing") {
    return (
      <p className="test-result test-result--pending" role="status" data-testid="connection-test-result" data-status="testing">
        Connecting…
      </p>
    );
  }
  if (state.status === "failed") {
    return (
      <p className="test-result test-result--error" role="alert" data-testid="connection-test-result" data-status="error">
        <strong>Could not test:</strong> {state.message}
      </p>
    );
  }
  const { result } = state;
  if (result.ok) {
    return (
      <p className="test-result test-result--ok" role="status" data-testid="connection-test-result" data-status="ok">
        <strong>✓ Connected</strong> in {formatMs(result.latencyMs)}
        {result.detail ? ` · ${result.detail}` : ""}
      </p>
    );
  }
  return (
    <div className="test-result test-result--error" role="alert" data-testid="connection-test-result" data-status="error" data-code={result.error.code}>
      <strong>✗ {CODE_TITLES[result.error.code]}</strong> <code>{result.error.code}</code>
      <p>{result.error.message}</p>
    </div>
  );
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
