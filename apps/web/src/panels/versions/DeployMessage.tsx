import { useEffect, useRef, useState } from "react";
import { deployFlow } from "../../stores/flow-actions";
import { useUiStore } from "../../stores/ui-store";

/** A small ▾ beside Deploy: deploy with a message that goes into the version history. */
export function DeployMessage() {
  const busy = useUiStore((s) => s.busy);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const submit = () => {
    setOpen(false);
    const text = message.trim();
    setMessage("");
    void deployFlow(text ? { message: text } : {});
  };

  return (
    <div className="deploy-message" ref={root}>
      <button
        type="button"
        className="btn btn--primary deploy-message__toggle"
        aria-label="Deploy with a message"
        aria-expanded={open}
        title="Deploy with a message"
        disabled={busy !== null}
        onClick={() => setOpen((value) => !value)}
        data-testid="deploy-message-button"
      >
        ▾
      </button>
      {open && (
        <form
          className="deploy-message__popover"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
        >
          <label htmlFor="deploy-message-input">What changed? (shown in Versions)</label>
          <input id="deploy-message-input" autoFocus maxLength={500} value={message} onChange={(event) => setMessage(event.target.value)} data-testid="deploy-message-input" />
          <button type="submit" className="btn btn--primary btn--small" data-testid="deploy-message-submit">
            Deploy
          </button>
        </form>
      )}
    </div>
  );
}
