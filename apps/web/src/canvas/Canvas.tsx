import { Controls, ReactFlow, useReactFlow, type Connection, type FinalConnectionState, type IsValidConnection } from "@xyflow/react";
import { useCallback, useRef, useState, type DragEvent } from "react";
import { SelectionBar } from "../editing/SelectionBar";
import { offerInsertChannel, useCanvasEditing } from "../editing/useCanvasEditing";
import { CanvasToolbar } from "../canvas-tools/CanvasToolbar";
import { useViewStore } from "../canvas-tools/view-store";
import { dropFlowFile, isFileDrag } from "../import-export/file-drop";
import { VersionBanner } from "../panels/versions/VersionBanner";
import { useReadOnlyGraph, useVersionViewStore } from "../panels/versions/version-view-store";
import { SearchBar } from "../search/SearchBar";
import { useThemeStore } from "../theme/theme-store";
import { useFlowStore } from "../stores/flow-store";
import { connectionCheck } from "../stores/graph-ops";
import { useUiStore } from "../stores/ui-store";
import { GRID, type CanvasEdge } from "./canvas-types";
import { ConnectionHint } from "./ConnectionHint";
import { DotGrid } from "./DotGrid";
import { FlowMiniMap } from "./minimap/FlowMiniMap";
import { edgeTypes } from "./edges/edge-types";
import { connectionToRequest } from "./from-flow";
import { nodeTypes } from "./node-types";
import { useOpeningViewport } from "./opening-viewport";
import { RefitUntilTouched } from "./RefitUntilTouched";
import { PALETTE_MIME } from "./palette-dnd";
import { useTraceHereMenu } from "./trace-here/useTraceHereMenu";
import { useCanvasElements } from "./useCanvasElements";
import { useMovingLayer } from "./useMovingLayer";
import { wireReason } from "./wire-reason";

const isValidConnection: IsValidConnection<CanvasEdge> = (connection) =>
  connectionCheck(useFlowStore.getState().graph, connectionToRequest(connection)) === null;

/** One canvas per open flow: remounting on a flow change resets the viewport and fits the new graph. */
export function Canvas() {
  const flowId = useFlowStore((s) => s.flowId);
  if (!flowId) return <div className="canvas canvas--empty" />;
  return <FlowCanvas key={flowId} />;
}

function FlowCanvas() {
  // Fit only a flow that has nodes when opened: fitting an empty flow would jump the view after the first drop.
  const [fitOnOpen] = useState(() => useFlowStore.getState().graph.nodes.length > 0);
  const isEmpty = useFlowStore((s) => s.graph.nodes.length === 0);
  const { nodes, edges, onNodesChange, onEdgesChange } = useCanvasElements();
  const container = useRef<HTMLDivElement>(null);
  const openingViewport = useOpeningViewport(container, nodes, fitOnOpen);
  const { screenToFlowPosition } = useReactFlow();
  const editing = useCanvasEditing();
  const moving = useMovingLayer(container);
  const snapToGrid = useViewStore((s) => s.snapToGrid);
  const theme = useThemeStore((s) => s.theme);
  const viewingVersion = useReadOnlyGraph() !== null;
  // A viewer's flow (workspace role) is read-only too, but a viewer may still select nodes to read their settings.
  const viewOnly = useFlowStore((s) => s.readOnly);
  const readOnly = viewingVersion || viewOnly;
  const traceHere = useTraceHereMenu();

  const onConnect = useCallback((connection: Connection) => {
    const problem = useFlowStore.getState().connect(connectionToRequest(connection));
    if (problem) useUiStore.getState().notify(problem, "error");
  }, []);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.fromNode || !state.fromHandle) return;
    // The toast below still says why; the offer next to the drop point fixes it.
    offerInsertChannel(event, state);
    const reason = wireReason({ fromNode: state.fromNode, fromHandle: state.fromHandle, toNode: state.toNode, toHandle: state.toHandle });
    if (reason) useUiStore.getState().notify(reason, "error");
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    // A flow file dragged from the desktop is imported (import dialog), not added as a node.
    if (isFileDrag(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      return;
    }
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      if (useVersionViewStore.getState().graph || useFlowStore.getState().readOnly) return;
      if (isFileDrag(event) && dropFlowFile(event)) return;
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY }, { snapToGrid: true, snapGrid: GRID });
      useFlowStore.getState().addNode(type, position);
    },
    [screenToFlowPosition],
  );

  return (
    <div className="canvas" data-testid="canvas" ref={container}>
      {openingViewport && (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onNodeContextMenu={traceHere.onNodeContextMenu}
          onEdgeContextMenu={traceHere.onEdgeContextMenu}
          {...editing}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          elementsSelectable={!viewingVersion}
          {...moving}
          snapToGrid={snapToGrid}
          snapGrid={GRID}
          // Low enough that "zoom to fit" really fits a 1,000-node flow.
          minZoom={0.1}
          // Large flows: only what is in view is in the DOM (React Flow's performance guidance).
          onlyRenderVisibleElements
          defaultViewport={openingViewport}
          colorMode={theme}
        >
          <DotGrid />
          <Controls />
          <FlowMiniMap />
          <RefitUntilTouched enabled={fitOnOpen} container={container} />
          <ConnectionHint />
          <CanvasToolbar />
          <SearchBar />
          {!readOnly && <SelectionBar />}
        </ReactFlow>
      )}
      <VersionBanner />
      {traceHere.menu}
      {isEmpty && !readOnly && (
        <div className="canvas__empty-hint">
          <strong>An empty flow.</strong> Drag a producer, a channel and a consumer from the palette, then wire them left to right.
        </div>
      )}
    </div>
  );
}
