import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { changeRows, formatValue } from "./change-list";
import { useVersionViewStore } from "./version-view-store";

/** The comparison as a list; a row pans the canvas to its node. */
export function ChangeList() {
  const view = useVersionViewStore((s) => s.view);
  const diff = useVersionViewStore((s) => s.diff);
  const compared = useVersionViewStore((s) => s.compared);
  const status = useVersionViewStore((s) => s.status);
  const error = useVersionViewStore((s) => s.error);
  const { fitView } = useReactFlow();
  const rows = useMemo(() => (diff ? changeRows(diff, compared) : []), [diff, compared]);

  if (status === "error") return <p className="versions__note versions__note--error" role="alert">{error}</p>;
  if (status === "loading") return <p className="versions__note">Loading…</p>;
  if (view.kind === "draft") return <p className="versions__note">View a version read-only, or compare two versions (or one with the draft) to see what changed.</p>;
  if (view.kind === "version") return <p className="versions__note">Viewing v{view.number} on the canvas, read only.</p>;
  const title = `v${view.from} → ${view.to === "draft" ? "draft" : `v${view.to}`}`;
  return (
    <div className="change-list" data-testid="change-list">
      <h3 className="change-list__title">
        {title}: {rows.length === 0 ? "no changes" : `${rows.length} change${rows.length === 1 ? "" : "s"}`}
      </h3>
      <ul>
        {rows.map((row) => (
          <li key={row.key} className={`change-row change-row--${row.kind}`} data-testid="change-row" data-kind={row.kind} data-node-id={row.nodeId}>
            <button type="button" className="change-row__main" onClick={() => void fitView({ nodes: [{ id: row.nodeId }], duration: 300, maxZoom: 1.2 })}>
              <span className="change-row__label">{row.label}</span>
              <span className="change-row__summary">{row.summary}</span>
            </button>
            {row.fields.length > 0 && (
              <ul className="change-row__fields">
                {row.fields.map((field) => (
                  <li key={field.path}>
                    <code>{field.path}</code> {formatValue(field.before)} → {formatValue(field.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
