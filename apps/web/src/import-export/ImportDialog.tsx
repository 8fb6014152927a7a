import { useViewActions } from "../canvas-tools/useViewActions";
import { ModalDialog } from "../dialog/ModalDialog";
import { useFlowStore } from "../stores/flow-store";
import type { FlowFile } from "@eventloom/schema";
import { importAsNewFlow, importIntoCurrentFlow } from "./flow-transfer";
import { useImportStore } from "./import-store";

/** Shows a picked/dropped file: why it was refused, or a choice between replacing this flow and a new flow. */
export function ImportDialog() {
  const pending = useImportStore((s) => s.pending);
  const close = useImportStore((s) => s.close);
  if (!pending) return null;
  const { result, fileName } = pending;
  if (!result.ok) {
    return (
      <ModalDialog title="This file cannot be imported" onClose={close} testId="import-dialog" actions={<button type="button" className="btn" onClick={close}>Close</button>}>
        <div role="alert" data-testid="import-error">
          <p className="import-error__message">{result.message}</p>
          <ul className="import-error__details">
            {result.details.slice(0, 20).map((detail, index) => (
              <li key={index}>{detail}</li>
            ))}
          </ul>
          {result.details.length > 20 && <p>…and {result.details.length - 20} more.</p>}
        </div>
        <p className="modal__note">Nothing was changed.</p>
      </ModalDialog>
    );
  }
  return <ImportChoice file={result.file} fileName={fileName} onClose={close} />;
}

function ImportChoice({ file, fileName, onClose }: { file: FlowFile; fileName: string; onClose(): void }) {
  const flowId = useFlowStore((s) => s.flowId);
  const currentName = useFlowStore((s) => s.name);
  const { fitFlow } = useViewActions();
  const replace = () => {
    onClose();
    importIntoCurrentFlow(file);
    // The imported graph can sit anywhere: show all of it (two frames: render, then React Flow's internals).
    requestAnimationFrame(() => requestAnimationFrame(fitFlow));
  };
  const createNew = () => {
    onClose();
    void importAsNewFlow(file);
  };
  return (
    <ModalDialog
      title={`Import "${file.name}"`}
      onClose={onClose}
      testId="import-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          {flowId && (
            <button type="button" className="btn" onClick={replace} data-testid="import-replace">
              Replace “{currentName}”
            </button>
          )}
          <button type="button" className="btn btn--primary" onClick={createNew} data-testid="import-new">
            Create a new flow
          </button>
        </>
      }
    >
      <p>
        {fileName}: {file.graph.nodes.length} nodes, {file.graph.edges.length} wires.
      </p>
      {flowId && <p className="modal__note">Replacing keeps this flow's name and history: Undo brings the current graph back.</p>}
    </ModalDialog>
  );
}
