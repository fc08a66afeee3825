// The React Flow canvas: controlled by the canvas store; accepts node kinds dropped from the palette. With `readOnly`
// (job pages) it only displays: no dragging, connecting, selecting, shortcuts or toolbar.
"use client";
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type NodeTypes, type EdgeTypes } from "@xyflow/react";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { CanvasToolbar } from "./canvas-toolbar";
import { PipelineNodeComponent } from "./pipeline-node";
import { QuickAdd } from "./quick-add";
import { ShortcutHelp } from "./shortcut-help";
import { TypedEdge } from "./typed-edge";
import { useCanvas } from "./store-context";
import { useAddNode } from "./use-add-node";
import { useCanvasCommands } from "./use-canvas-commands";
import { useShortcutKeys } from "./use-shortcut-keys";

export const DRAG_MIME = "application/x-streamcanvas-kind";

// Defined once at module level: React Flow re-mounts every node if these objects change identity.
const nodeTypes: NodeTypes = { pipeline: PipelineNodeComponent };
const edgeTypes: EdgeTypes = { typed: TypedEdge };
const defaultEdgeOptions = { type: "typed" };
const fitViewOptions = { maxZoom: 1, padding: 0.12 };
const SNAP: [number, number] = [16, 16];
const MULTI_KEYS = ["Shift", "Meta", "Control"];

export function Canvas({ readOnly = false }: { readOnly?: boolean }) {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useCanvas(
    useShallow((s) => ({
      nodes: s.nodes, edges: s.edges,
      onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange, onConnect: s.onConnect,
    })),
  );
  const { screenToFlowPosition } = useReactFlow();
  const addNode = useAddNode();
  // Fit only a graph that exists when the page opens: on an empty one, React Flow would re-fit (and jump) at the first drop.
  const [fitOnOpen] = useState(() => nodes.length > 0);
  const [snap, setSnap] = useState(true);
  const [dialog, setDialog] = useState<"help" | "quick-add" | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // While panning or zooming, the viewport gets its own compositor layer (see .is-moving in craft.css): moving it is
  // then a composite, not a repaint of every node. Toggled on the element directly, so a pan re-renders no React.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add("is-moving"), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove("is-moving"), []);
  const cmd = useCanvasCommands(pointer);
  const ui = useMemo(() => ({
    toggleHelp: () => setDialog((d) => (d === "help" ? null : "help")),
    openQuickAdd: () => setDialog("quick-add"),
  }), []);
  const spaceHeld = useShortcutKeys(cmd, ui, !readOnly && dialog === null, wrapper);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(DRAG_MIME);
      if (!kind) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // Centre the node on the pointer rather than hanging it from its top-left corner.
      addNode(kind, { x: p.x - 84, y: p.y - 30 });
      // The drag started on the palette, which kept focus; the user is now on the canvas (Delete, Ctrl+Z act there).
      wrapper.current?.focus({ preventScroll: true });
    },
    [screenToFlowPosition, addNode],
  );

  return (
    // Focusable, so a click on the background gives the canvas the keyboard: its shortcuts act only while it has it.
    <div
      ref={wrapper} className="sc-canvas" data-testid="canvas" tabIndex={readOnly ? undefined : -1} onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}
      onMouseMove={(e) => { pointer.current = { x: e.clientX, y: e.clientY }; }}
      onMouseLeave={() => { pointer.current = null; }}
    >
      {/* xyflow's Delete and Space handlers are off: ours decide by focus (use-shortcut-keys), xyflow's by a list of
          input tags that misses Monaco's EditContext div, so it swallowed every Space typed into a UDF. */}
      <ReactFlow
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
        fitView={fitOnOpen} fitViewOptions={fitViewOptions}
        minZoom={0.1} maxZoom={2} deleteKeyCode={null} panActivationKeyCode={null} panOnScroll={spaceHeld} multiSelectionKeyCode={MULTI_KEYS} selectionKeyCode="Shift"
        snapToGrid={snap} snapGrid={SNAP} onMoveStart={onMoveStart} onMoveEnd={onMoveEnd}
        nodesDraggable={!readOnly} nodesConnectable={!readOnly} elementsSelectable={!readOnly} nodesFocusable={!readOnly}
        edgesFocusable={!readOnly}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable className="sc-minimap" style={{ width: 150, height: 96 }} />
        {!readOnly && (
          <CanvasToolbar cmd={cmd} snap={snap} onSnap={setSnap}
            onQuickAdd={() => setDialog("quick-add")} onHelp={() => setDialog("help")} />
        )}
      </ReactFlow>
      {nodes.length === 0 && !readOnly && (
        <div className="sc-canvas__empty" data-testid="canvas-empty">
          <strong>Drag a source here from the palette</strong>
          <span>then a transform and a sink; connect each output (right) to the next input (left). Press ? for shortcuts.</span>
        </div>
      )}
      {dialog === "help" && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === "quick-add" && <QuickAdd pointer={pointer} onClose={() => setDialog(null)} />}
    </div>
  );
}
