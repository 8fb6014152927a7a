import type { VersionListResponse, VersionSummary } from "@eventloom/schema";
import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf } from "../../stores/flow-actions";
import { useFlowStore } from "../../stores/flow-store";
import { versionsApi } from "./versions-api";

const PAGE = 20;

export interface VersionList {
  versions: VersionSummary[];
  total: number;
  runningVersion: number | null;
  hasOlder: boolean;
  error: string | null;
  refresh(): Promise<void>;
  loadOlder(): Promise<void>;
}

/** The open flow's versions, newest first; reloaded whenever its deployment changes (a deploy, a stop). */
export function useVersionList(): VersionList {
  const flowId = useFlowStore((s) => s.flowId);
  const deploymentKey = useFlowStore((s) => (s.deployment ? `${s.deployment.id}:${s.deployment.status}` : ""));
  // Kept with the flow it belongs to, so another flow's list never shows while the new one loads.
  const [loaded, setPage] = useState<(VersionListResponse & { flowId: string }) | null>(null);
  const page = loaded?.flowId === flowId ? loaded : null;
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    if (!flowId) return;
    const mine = ++latest.current;
    try {
      const next = await versionsApi.list(flowId, { limit: PAGE });
      if (mine === latest.current) {
        setPage({ ...next, flowId });
        setError(null);
      }
    } catch (cause) {
      if (mine === latest.current) setError(messageOf(cause));
    }
  }, [flowId]);

  useEffect(() => {
    void refresh();
  }, [refresh, deploymentKey]);

  const loadOlder = useCallback(async () => {
    if (!flowId || !page?.nextBefore) return;
    const mine = ++latest.current;
    try {
      const older = await versionsApi.list(flowId, { limit: PAGE, before: page.nextBefore });
      if (mine === latest.current) setPage({ ...older, flowId, versions: [...page.versions, ...older.versions] });
    } catch (cause) {
      if (mine === latest.current) setError(messageOf(cause));
    }
  }, [flowId, page]);

  return {
    versions: page?.versions ?? [],
    total: page?.total ?? 0,
    runningVersion: page?.runningVersion ?? null,
    hasOlder: Boolean(page?.nextBefore),
    error,
    refresh,
    loadOlder,
  };
}
