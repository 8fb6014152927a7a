import { followEvent } from "../../realtime/trace-requests";
import { useFlowStore } from "../../stores/flow-store";
import { useTracePathStore } from "../../stores/trace-path-store";
import type { TraceRow } from "../../stores/trace-store";

/** Opens a row's detail and asks the runtime for the path its event took (`trace:follow`). */
export function openEventPath(row: TraceRow): void {
  const flowId = useFlowStore.getState().flowId;
  const paths = useTracePathStore.getState();
  if (paths.row?.key === row.key) return;
  paths.open(row);
  if (!flowId) return paths.fail("no open flow");
  void followEvent(flowId, row.eventId).then((answer) => {
    const store = useTracePathStore.getState();
    if (store.row?.key !== row.key) return;
    if ("error" in answer) store.fail(answer.error);
    else store.resolve(answer, useFlowStore.getState().graph);
  });
}
