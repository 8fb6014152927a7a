import type { VersionSummary } from "@eventloom/schema";
import { memo } from "react";
import { exactTime, relativeTime } from "./relative-time";

export interface VersionRowProps {
  version: VersionSummary;
  viewing: boolean;
  onView(number: number): void;
  onCompareDraft(number: number): void;
  /** Absent for a viewer: rolling back deploys, which needs the editor role. */
  onRollback?: (number: number) => void;
}

/** One deploy: number, running badge, message, who and when (exact time on hover), and what to do with it. */
function VersionRowView({ version, viewing, onView, onCompareDraft, onRollback }: VersionRowProps) {
  const { number } = version;
  const who = version.author ? version.author.name || version.author.email : "deleted user";
  return (
    <li className={`version-row${viewing ? " is-viewing" : ""}`} data-testid={`version-row-${number}`} data-running={version.running || undefined}>
      <div className="version-row__head">
        <strong className="version-row__number">v{number}</strong>
        {version.running && (
          <span className="version-row__running" data-testid="version-running-badge">
            running
          </span>
        )}
        <span className="version-row__message" title={version.message ?? undefined}>
          {version.message ?? <em>no message</em>}
        </span>
      </div>
      <div className="version-row__meta">
        <span title={version.author?.email}>{who}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={version.createdAt} title={exactTime(version.createdAt)} data-testid={`version-time-${number}`}>
          {relativeTime(version.createdAt)}
        </time>
        <span className="version-row__actions">
          <button type="button" className="btn btn--small" onClick={() => onView(number)} data-testid={`version-view-${number}`}>
            View
          </button>
          <button type="button" className="btn btn--small" onClick={() => onCompareDraft(number)} data-testid={`version-compare-draft-${number}`} title={`Compare v${number} with the draft`}>
            vs draft
          </button>
          {onRollback && (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => onRollback(number)}
              disabled={version.running}
              title={version.running ? "This version is running" : `Deploy v${number}'s graph again as a new version`}
              data-testid={`version-rollback-${number}`}
            >
              Roll back
            </button>
          )}
        </span>
      </div>
    </li>
  );
}

export const VersionRow = memo(VersionRowView);
