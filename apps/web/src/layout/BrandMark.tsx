/** Eventloom's mark: a producer, a channel and a consumer in a row. */
export function BrandMark({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--kind-producer)" />
      <circle cx="10" cy="16" r="4" fill="#fff" />
      <rect x="14" y="13" width="8" height="6" rx="3" fill="#fbbf24" />
      <circle cx="25" cy="16" r="3" fill="#bfdbfe" />
    </svg>
  );
}
