/**
 * Right-click a node or a wire of a running deployment: "Trace events here" scopes the trace list (and any
 * content pattern the runtime captures for this page) to it, opens the trace tab and puts the cursor in the
 * pattern box. The same scope can be chosen in the trace panel's node-or-wire select.
 */
import type { Edge, Node } from "@xyflow/react";
import { useCallback, useState, type MouseEvent as ReactMouseEvent } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { useTraceFilterStore } from "../../stores/trace-filter-store";
import { useUiStore } from "../../stores/ui-store";
import { TraceHereMenu, type TraceHereTarget } from "./TraceHereMenu";

export function useTraceHereMenu() {
  const [target, setTarget] = useState<TraceHereTarget | null>(null);
  const running = useFlowStore((s) => s.deployment?.status === "running");

  const open = useCallback(
    (event: ReactMouseEvent, where: string, label: string) => {
      if (!running) return;
      event.preventDefault();
      setTarget({ where, label, x: event.clientX, y: event.clientY });
    },
    [running],
  );
  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: Node) => open(event, `node:${node.id}`, "node"), [open]);
  const onEdgeContextMenu = useCallback((event: ReactMouseEvent, edge: Edge) => open(event, `edge:${edge.id}`, "wire"), [open]);
  const close = useCallback(() => setTarget(null), []);

  const menu = target && <TraceHereMenu target={target} onTrace={() => traceHere(target.where)} onClose={close} />;
  return { onNodeContextMenu, onEdgeContextMenu, menu };
}

function traceHere(where: string): void {
  useTraceFilterStore.getState().setWhere(where, useFlowStore.getState().graph);
  useUiStore.getState().setDockTab("trace");
  // After the trace tab rendered its filters.
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="trace-filter-pattern"]')?.focus());
}
