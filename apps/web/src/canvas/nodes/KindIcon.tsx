import type { NodeKind } from "@eventloom/schema";

/** One glyph per kind: the fallback of TypeIcon for types without a glyph of their own. */
export function KindIcon({ kind, size = 14 }: { kind: NodeKind; size?: number }) {
  return (
    <svg className={`kind-icon kind-icon--${kind}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {kind === "producer" && <path d="M4 2.5v11l9-5.5z" fill="currentColor" />}
      {kind === "channel" && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <rect x="1.5" y="4" width="13" height="8" rx="4" />
          <path d="M5 8h6M9 6l2 2-2 2" />
        </g>
      )}
      {kind === "consumer" && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
          <path d="M2 3h12l-4.5 5.5V13l-3-1.5v-3z" />
        </g>
      )}
    </svg>
  );
}
