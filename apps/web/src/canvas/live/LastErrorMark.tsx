import { useTraceStore } from "../../stores/trace-store";
import { useIsRunning } from "../nodes/live-selectors";

/** A failing node's last sampled error, shown on its face while the deployment runs. */
export function LastErrorMark({ id }: { id: string }) {
  const error = useTraceStore((s) => s.lastErrors[id]?.error);
  const running = useIsRunning();
  if (!error || !running) return null;
  return (
    <div className="el-node__last-error" role="status" data-testid={`node-error-${id}`} title={error}>
      ⚠ {error}
    </div>
  );
}
