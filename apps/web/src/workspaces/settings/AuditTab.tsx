import type { AuditEntry } from "@eventloom/schema";
import { useEffect, useState } from "react";
import { workspacesApi } from "../../api/workspaces-api";
import { messageOf } from "../../stores/flow-actions";
import { useFlowsStore } from "../../stores/flows-store";
import { describeAction } from "./audit-text";

type Page = { entries: AuditEntry[]; nextCursor: string | null; loading: boolean; error: string | null };

/** Who did what, when: newest first, a page at a time. */
export function AuditTab({ workspaceId }: { workspaceId: string }) {
  const flows = useFlowsStore((s) => s.flows);
  const flowName = (flowId: string) => flows.find((f) => f.id === flowId)?.name;
  const [page, setPage] = useState<Page>({ entries: [], nextCursor: null, loading: true, error: null });

  const loadMore = async (cursor: string | undefined, keep: AuditEntry[]) => {
    setPage((p) => ({ ...p, loading: true, error: null }));
    try {
      const next = await workspacesApi.audit(workspaceId, cursor);
      setPage({ entries: [...keep, ...next.entries], nextCursor: next.nextCursor, loading: false, error: null });
    } catch (error) {
      setPage((p) => ({ ...p, loading: false, error: messageOf(error) }));
    }
  };

  useEffect(() => {
    void loadMore(undefined, []);
    // Reloads only when the workspace changes; loadMore reads nothing else.
  }, [workspaceId]);

  return (
    <>
      {page.entries.length === 0 && !page.loading && !page.error && <p className="settings__empty">Nothing recorded yet.</p>}
      {page.entries.length > 0 && (
        <table className="settings-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td>
                  <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                </td>
                <td>{entry.actor ? entry.actor.name : "Eventloom"}</td>
                <td>{describeAction(entry, flowName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.error && <p role="alert">Could not load the audit log: {page.error}</p>}
      {page.loading && <p role="status">Loading…</p>}
      {page.nextCursor && !page.loading && (
        <button type="button" className="btn" onClick={() => void loadMore(page.nextCursor ?? undefined, page.entries)} data-testid="audit-more">
          Load older entries
        </button>
      )}
    </>
  );
}
