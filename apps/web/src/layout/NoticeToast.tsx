import { useEffect } from "react";
import { useUiStore } from "../stores/ui-store";

const NOTICE_MS = 5000;

/** One short message at a time (wire refused, save failed …); errors are announced assertively. */
export function NoticeToast() {
  const notice = useUiStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => useUiStore.getState().dismissNotice(), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`toast toast--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"} data-testid="toast">
      <span>{notice.text}</span>
      <button type="button" className="icon-btn" onClick={() => useUiStore.getState().dismissNotice()} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
