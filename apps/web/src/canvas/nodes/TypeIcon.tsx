import type { NodeKind } from "@eventloom/schema";
import type { ReactNode } from "react";
import { KindIcon } from "./KindIcon";

/** Strokes drawn on a 16×16 grid, one glyph per catalogue type; types without one use their kind's glyph. */
const GLYPHS: Readonly<Record<string, ReactNode>> = {
  generator: <path d="M2 12l3-6 3 4 3-7 3 9" />,
  timer: (
    <>
      <circle cx="8" cy="9" r="5.5" />
      <path d="M8 6v3l2 1.5M6.5 2h3" />
    </>
  ),
  manual: <path d="M6 8V3.5a1 1 0 012 0V8m0-1.5a1 1 0 012 0V9m0-1a1 1 0 012 0v3a4 4 0 01-4 4H8a4 4 0 01-3.5-2L3 10.5a1 1 0 011.7-1L6 11" />,
  "webhook-in": <path d="M2 8h8M7 5l3 3-3 3M12.5 3v10" />,
  filter: <path d="M2 3h12l-4.5 5.5V13l-3-1.5v-3z" />,
  transform: <path d="M3 5h8l-2-2M13 11H5l2 2" />,
  router: <path d="M2 8h4l3-4.5h5M6 8l3 4.5h5M12 2l2 1.5-2 1.5M12 11l2 1.5-2 1.5" />,
  window: (
    <>
      <rect x="2" y="3" width="12" height="10" rx="1.5" />
      <path d="M6 3v10M10 3v10" />
    </>
  ),
  delay: <path d="M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6" />,
  "rate-limit": <path d="M2.5 12a5.5 5.5 0 1111 0M8 12l3-4M2.5 12h11" />,
  "webhook-out": <path d="M3.5 3v10M6 8h8M11 5l3 3-3 3" />,
  alert: <path d="M8 2l6.5 11.5h-13zM8 6.5v3.5M8 12v.2" />,
  log: <path d="M4 2.5h6l2.5 2.5v8.5H4zM6 7h4.5M6 9.5h4.5M6 12h3" />,
};

/** The node's type glyph (falls back to the kind glyph), so a log and a filter no longer look alike. */
export function TypeIcon({ kind, nodeType, size = 14 }: { kind: NodeKind; nodeType: string; size?: number }) {
  const glyph = Object.hasOwn(GLYPHS, nodeType) ? GLYPHS[nodeType] : undefined;
  if (glyph === undefined) return <KindIcon kind={kind} size={size} />;
  return (
    <svg
      className={`kind-icon kind-icon--${kind} type-icon type-icon--${nodeType}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      data-icon={nodeType}
    >
      <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
        {glyph}
      </g>
    </svg>
  );
}
