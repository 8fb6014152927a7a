/**
 * Where the pointer last was over the canvas (client coordinates), so paste and quick-add land under the
 * cursor. Plain module state: it changes on every mouse move and nothing renders from it.
 */
let last: { x: number; y: number } | null = null;

export function trackPointer(event: { clientX: number; clientY: number }): void {
  last = { x: event.clientX, y: event.clientY };
}

export function forgetPointer(): void {
  last = null;
}

export function lastPointer(): { x: number; y: number } | null {
  return last;
}
