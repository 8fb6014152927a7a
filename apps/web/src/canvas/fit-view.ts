import { getViewportForBounds, type FitViewOptions, type Rect, type Viewport } from "@xyflow/react";

/**
 * Fitting the view so no node ends up under the canvas's own furniture: the toolbar (top left), the zoom
 * controls (bottom left) and the minimap (200 × 150, bottom right). Nodes keep clear of the minimap either by
 * room on the right or by room at the bottom; whichever keeps the bigger zoom wins — a left-to-right chain is
 * short, so room at the bottom costs it nothing, and a tall flow gives up width instead.
 */
type Padding = NonNullable<FitViewOptions["padding"]>;
const TOOLBAR_ROOM = "72px";
const CONTROLS_ROOM = "64px";
const MINIMAP_BESIDE = "232px";
/** The minimap's 165 px and room for a running node to grow by a line (its last error) after the fit. */
const MINIMAP_BELOW = "210px";
const AIR = "40px";

const BESIDE_MINIMAP: Padding = { top: TOOLBAR_ROOM, left: CONTROLS_ROOM, right: MINIMAP_BESIDE, bottom: AIR };
const ABOVE_MINIMAP: Padding = { top: TOOLBAR_ROOM, left: CONTROLS_ROOM, right: AIR, bottom: MINIMAP_BELOW };

export interface ZoomLimits {
  minZoom: number;
  maxZoom: number;
}

/** The viewport that shows `bounds` (flow coordinates) in a `width` × `height` canvas, clear of its furniture. */
export function viewportAround(bounds: Rect, width: number, height: number, { minZoom, maxZoom }: ZoomLimits): Viewport {
  const beside = getViewportForBounds(bounds, width, height, minZoom, maxZoom, BESIDE_MINIMAP);
  const above = getViewportForBounds(bounds, width, height, minZoom, maxZoom, ABOVE_MINIMAP);
  return above.zoom >= beside.zoom ? above : beside;
}
