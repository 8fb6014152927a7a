import type { KeyboardEvent, ReactNode } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { useUiStore, type DockTab } from "../../stores/ui-store";
import { MetricsStrip } from "../metrics/MetricsStrip";
import { VersionsPanel } from "../versions/VersionsPanel";
import { ProblemsPanel } from "./ProblemsPanel";
import { TracePanel } from "./TracePanel";
import "./traces.css";

const TABS: DockTab[] = ["trace", "problems", "versions"];

/** The bottom dock: live trace, validation problems and deploy history (versions), as tabs. */
export function Dock() {
  const tab = useUiStore((s) => s.dockTab);
  const problemCount = useFlowStore((s) => s.validation.problems.length);
  const hasErrors = useFlowStore((s) => s.validation.problems.some((p) => p.severity === "error"));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const step = event.key === "ArrowRight" ? 1 : TABS.length - 1;
    const next = TABS[(TABS.indexOf(tab) + step) % TABS.length] ?? "trace";
    useUiStore.getState().setDockTab(next);
    document.getElementById(`dock-tab-${next}`)?.focus();
  };

  return (
    <section className="dock" aria-label="Trace and problems">
      <div className="dock__header">
        <div className="dock__tabs" role="tablist" aria-label="Dock" onKeyDown={onKeyDown}>
          <DockTabButton tab="trace" current={tab}>
            Trace
          </DockTabButton>
          <DockTabButton tab="problems" current={tab}>
            Problems
            <span className={`count-badge ${hasErrors ? "count-badge--error" : problemCount > 0 ? "count-badge--warning" : ""}`} data-testid="problems-count">
              {problemCount}
            </span>
          </DockTabButton>
          <DockTabButton tab="versions" current={tab}>
            Versions
          </DockTabButton>
        </div>
        <MetricsStrip />
      </div>
      <div className="dock__body" role="tabpanel" id={`dock-panel-${tab}`} aria-labelledby={`dock-tab-${tab}`}>
        {tab === "trace" ? <TracePanel /> : tab === "problems" ? <ProblemsPanel /> : <VersionsPanel />}
      </div>
    </section>
  );
}

function DockTabButton({ tab, current, children }: { tab: DockTab; current: DockTab; children: ReactNode }) {
  const selected = tab === current;
  return (
    <button
      type="button"
      role="tab"
      id={`dock-tab-${tab}`}
      aria-selected={selected}
      aria-controls={`dock-panel-${tab}`}
      tabIndex={selected ? 0 : -1}
      className="dock__tab"
      data-testid={`dock-tab-${tab}`}
      onClick={() => useUiStore.getState().setDockTab(tab)}
    >
      {children}
    </button>
  );
}
