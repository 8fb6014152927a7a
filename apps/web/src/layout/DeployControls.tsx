import type { Deployment } from "@eventloom/schema";
import { flowsApi } from "../api/flows-api";
import { DeployMessage } from "../panels/versions/DeployMessage";
import { deployFlow, messageOf, plural, saveFlow, stopFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";

/** Save, Validate, Deploy, Stop and the deployment's status pill. */
export function DeployControls() {
  const flowId = useFlowStore((s) => s.flowId);
  const dirty = useFlowStore((s) => s.dirty);
  const saveState = useFlowStore((s) => s.saveState);
  const deployment = useFlowStore((s) => s.deployment);
  const busy = useUiStore((s) => s.busy);
  const readOnly = useFlowStore((s) => s.readOnly);
  if (!flowId) return null;
  const active = deployment?.status === "running" || deployment?.status === "starting";
  // A viewer sees the deployment's state, none of the verbs (the runtime refuses them anyway).
  if (readOnly) return (
      <div className="deploy-controls">
        <DeploymentPill deployment={deployment} />
      </div>
    );
  return (
    <div className="deploy-controls">
      <button type="button" className="btn" onClick={() => void saveFlow()} disabled={saveState === "saving" || saveState === "conflict"} data-testid="save-button" title={dirty ? "Save now (Ctrl/⌘-S); autosave follows a second after each edit" : "Saved"}>
        Save
      </button>
      <button type="button" className="btn" onClick={() => void validateOnServer()} data-testid="validate-button">
        Validate
      </button>
      <button type="button" className="btn btn--primary" onClick={() => void deployFlow()} disabled={busy !== null} data-testid="deploy-button">
        {busy === "deploying" ? "Deploying…" : active ? "Redeploy" : "Deploy"}
      </button>
      <DeployMessage />
      <button type="button" className="btn btn--danger" onClick={() => void stopFlow()} disabled={!active || busy !== null} data-testid="stop-button">
        {busy === "stopping" ? "Stopping…" : "Stop"}
      </button>
      <DeploymentPill deployment={deployment} />
    </div>
  );
}

function DeploymentPill({ deployment }: { deployment: Deployment | null }) {
  return (
    <span
      className={`status-pill status-pill--${deployment?.status ?? "none"}`}
      data-testid="deployment-status"
      data-status={deployment?.status ?? "none"}
      title={deployment?.error ?? undefined}
    >
      <span className="status-pill__dot" aria-hidden="true" />
      {deployment ? `${deployment.status} · v${deployment.versionNumber}` : "not deployed"}
    </span>
  );
}

/** Asks the runtime (the authority at deploy time) and reports; the Problems tab already shows local results. */
/** Asks the runtime to validate the graph; says the result in a toast and opens Problems when there are any. */
export async function validateOnServer(): Promise<void> {
  const ui = useUiStore.getState();
  try {
    const result = await flowsApi.validate(useFlowStore.getState().graph);
    const errors = result.problems.filter((p) => p.severity === "error").length;
    const warnings = result.problems.length - errors;
    if (result.problems.length > 0) ui.setDockTab("problems");
    ui.notify(
      result.deployable
        ? `Valid: ready to deploy${warnings ? ` (${plural(warnings, "warning")})` : ""}.`
        : `Not deployable: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}.`,
      result.deployable ? "info" : "error",
    );
  } catch (error) {
    ui.notify(`Validation failed: ${messageOf(error)}`, "error");
  }
}
