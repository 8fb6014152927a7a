import "./collab.css";
import { useState } from "react";
import { ModalDialog } from "../dialog/ModalDialog";
import type { MergeChoice, MergeConflict } from "../editing/merge";
import { resolvePendingMerge, savedByName } from "./incoming-save";
import { useMergeStore } from "./merge-store";

const CHOICE_LABELS: Record<MergeChoice, string> = { theirs: "Theirs", mine: "Mine", both: "Keep both" };

/**
 * Someone saved changes that collide with unsaved edits here. Each collision is listed with their value and
 * mine; the user picks per conflict (theirs by default) and the result becomes the draft at their rev,
 * saved by autosave. Closing is not offered: leaving the choice open would leave the draft unsaveable.
 */
export function ConflictDialog() {
  const pending = useMergeStore((s) => s.pending);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  if (!pending) return null;
  const who = savedByName(pending.theirs);
  const choose = (id: string, choice: MergeChoice) => setChoices((current) => ({ ...current, [id]: choice }));
  const apply = () => {
    resolvePendingMerge(choices);
    setChoices({});
  };
  const chooseAll = (choice: MergeChoice) => setChoices(Object.fromEntries(pending.conflicts.map((c) => [c.id, choice])));
  return (
    <ModalDialog
      title="Your edits collide with a newer save"
      onClose={() => undefined}
      testId="conflict-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={() => chooseAll("theirs")} data-testid="conflict-all-theirs">
            All theirs
          </button>
          <button type="button" className="btn" onClick={() => chooseAll("mine")} data-testid="conflict-all-mine">
            All mine
          </button>
          <button type="button" className="btn btn--primary" onClick={apply} data-testid="conflict-apply">
            Apply and save
          </button>
        </>
      }
    >
      <p className="modal__note">
        {who} saved this flow (rev {pending.theirs.rev}) while you had unsaved edits. Their other changes and yours are merged already; choose
        what to keep where you both changed the same thing. Nothing is dropped until you apply.
      </p>
      <ul className="conflict-list">
        {pending.conflicts.map((conflict) => (
          <ConflictRow key={conflict.id} conflict={conflict} who={who} choice={choices[conflict.id] ?? "theirs"} onChoose={(choice) => choose(conflict.id, choice)} />
        ))}
      </ul>
    </ModalDialog>
  );
}

function ConflictRow({ conflict, who, choice, onChoose }: { conflict: MergeConflict; who: string; choice: MergeChoice; onChoose(choice: MergeChoice): void }) {
  const { title, theirs, mine } = describe(conflict, who);
  return (
    <li className="conflict-row" data-testid={`conflict-${conflict.id}`}>
      <div className="conflict-row__title">{title}</div>
      <dl className="conflict-row__values">
        <dt>{who}</dt>
        <dd data-testid="conflict-theirs-value">{theirs}</dd>
        <dt>You</dt>
        <dd data-testid="conflict-mine-value">{mine}</dd>
      </dl>
      <div className="conflict-row__choices" role="radiogroup" aria-label={`Keep for ${title}`}>
        {conflict.options.map((option) => (
          <label key={option} className={`conflict-choice${choice === option ? " is-chosen" : ""}`}>
            <input type="radio" name={conflict.id} checked={choice === option} onChange={() => onChoose(option)} data-testid={`conflict-choice-${option}`} />
            {CHOICE_LABELS[option]}
          </label>
        ))}
      </div>
    </li>
  );
}

/** Plain words for one conflict: what collided and each side's version. */
function describe(conflict: MergeConflict, who: string): { title: string; theirs: string; mine: string } {
  switch (conflict.kind) {
    case "field":
      return { title: `${conflict.nodeName} · ${fieldLabel(conflict.field)}`, theirs: formatValue(conflict.theirs), mine: formatValue(conflict.mine) };
    case "deleted":
      return conflict.deletedBy === "theirs"
        ? { title: `${conflict.nodeName} (node)`, theirs: "deleted it", mine: "changed it" }
        : { title: `${conflict.nodeName} (node)`, theirs: "changed it", mine: "deleted it" };
    case "flow-name":
      return { title: "Flow name", theirs: conflict.theirs, mine: conflict.mine };
    case "edge":
      return { title: `Wire ${conflict.edgeId}`, theirs: `${who}'s wiring`, mine: "your wiring" };
  }
}

function fieldLabel(field: string): string {
  if (field.startsWith("config.")) return field.slice("config.".length);
  return field === "type" ? "node type" : field;
}

function formatValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (value && typeof value === "object" && "x" in value && "y" in value) {
    const { x, y } = value as { x: number; y: number };
    return `moved to ${Math.round(x)}, ${Math.round(y)}`;
  }
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
