import { useEffect, useRef } from "react";
import { openFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { navigate } from "./router";
import { pickStartFlow } from "./pick-start-flow";
import { useRoute } from "./useRoute";

/** Keeps the open flow in step with the URL: `/flows/:id` opens it, `/` picks the start flow; other pages leave it open. */
export function useFlowRouting(): void {
  const route = useRoute();
  const lastFlowPath = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    if (route.name === "flow") {
      const store = useFlowStore.getState();
      if (store.flowId === route.flowId) return;
      // Back/forward with unsaved edits asks first; declining puts the URL back.
      if (store.dirty && store.flowId && !window.confirm("You have unsaved changes. Leave this flow and discard them?")) {
        navigate(lastFlowPath.current ?? `/flows/${store.flowId}`, { replace: true });
        return;
      }
      void openFlow(route.flowId).then((ok) => {
        if (cancelled) return;
        if (ok) lastFlowPath.current = `/flows/${route.flowId}`;
        else navigate("/", { replace: true });
      });
    } else if (route.name === "home") {
      void useFlowsStore
        .getState()
        .refresh()
        .then((flows) => {
          const start = pickStartFlow(flows);
          if (start && !cancelled) navigate(`/flows/${start.id}`, { replace: true });
        });
    }
    return () => {
      cancelled = true;
    };
  }, [route]);

  useEffect(() => {
    void useFlowsStore.getState().refresh();
  }, []);
}
