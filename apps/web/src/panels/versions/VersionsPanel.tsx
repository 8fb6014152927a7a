import { useCallback, useState } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { ChangeList } from "./ChangeList";
import { CompareBar } from "./CompareBar";
import { rollbackTo } from "./rollback";
import { RollbackDialog } from "./RollbackDialog";
import { useVersionList } from "./use-version-list";
import { useVersionViewStore } from "./version-view-store";
import { VersionRow } from "./VersionRow";
import "./versions.css";

/** The Versions tab: every deploy of the open flow, and what to do with one (view, compare, roll back). */
export function VersionsPanel() {
  const flowId = useFlowStore((s) => s.flowId);
  const viewOnly = useFlowStore((s) => s.readOnly);
  const list = useVersionList();
  const view = useVersionViewStore((s) => s.view);
  const [rollback, setRollback] = useState<number | null>(null);

  const onView = useCallback((number: number) => flowId && void useVersionViewStore.getState().showVersion(flowId, number), [flowId]);
  const onCompare = useCallback((from: number, to: number | "draft") => flowId && void useVersionViewStore.getState().compare(flowId, from, to), [flowId]);
  const onCompareDraft = useCallback((number: number) => onCompare(number, "draft"), [onCompare]);

  if (!flowId) return <p className="dock__empty">Open a flow to see its versions.</p>;
  const viewing = view.kind === "version" ? view.number : null;
  return (
    <div className="versions" data-testid="versions-panel">
      <div className="versions__list-col">
        <CompareBar key={flowId} versions={list.versions} onCompare={onCompare} />
        {list.error && (
          <p className="versions__note versions__note--error" role="alert">
            {list.error}
          </p>
        )}
        {list.versions.length === 0 && !list.error ? (
          <p className="versions__note">No versions yet: every deploy makes one.</p>
        ) : (
          <ul className="versions__list" data-testid="versions-list" aria-label="Versions, newest first">
            {list.versions.map((version) => (
              <VersionRow key={version.number} version={version} viewing={viewing === version.number} onView={onView} onCompareDraft={onCompareDraft} onRollback={viewOnly ? undefined : setRollback} />
            ))}
          </ul>
        )}
        {list.hasOlder && (
          <button type="button" className="btn btn--small versions__older" onClick={() => void list.loadOlder()}>
            Older versions
          </button>
        )}
      </div>
      <div className="versions__detail">
        <ChangeList />
      </div>
      {rollback !== null && (
        <RollbackDialog
          number={rollback}
          running={list.runningVersion}
          nextNumber={(list.versions[0]?.number ?? list.total) + 1}
          onClose={() => setRollback(null)}
          onConfirm={() => {
            setRollback(null);
            void rollbackTo(flowId, rollback).then(() => list.refresh());
          }}
        />
      )}
    </div>
  );
}
