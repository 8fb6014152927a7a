import { useEffect, useRef, useState, type KeyboardEvent } from "react";

export interface InlineNameProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  onCancel(): void;
}

/** A text field that replaces a name in place: Enter or blur commits, Escape cancels, blanks are refused. */
export function InlineName({ label, value, onCommit, onCancel }: InlineNameProps) {
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const commit = () => {
    const trimmed = draft.trim();
    if (trimmed) onCommit(trimmed);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter") commit();
    if (event.key === "Escape") onCancel();
  };
  return (
    <input
      ref={input}
      className="inline-name"
      aria-label={label}
      value={draft}
      maxLength={120}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}
