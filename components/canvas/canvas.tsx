// The React Flow canvas: controlled by the canvas store; accepts node kinds dropped from the palette.
"use client";
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type NodeTypes, type EdgeTypes } from "@xyflow/react";
import { useCallback, useState, type DragEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { PipelineNodeComponent } from "./pipeline-node";
import { TypedEdge } from "./typed-edge";
import { useCanvas } from "./store-context";
import { useAddNode } from "./use-add-node";

export const DRAG_MIME = "application/x-streamcanvas-kind";

// Defined once at module level: React Flow re-mounts every node if these objects change identity.
const nodeTypes: NodeTypes = { pipeline: PipelineNodeComponent };
const edgeTypes: EdgeTypes = { typed: TypedEdge };
const defaultEdgeOptions = { type: "typed" };

export function Canvas() {
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
    },
    [screenToFlowPosition, addNode],
  );

  return (
    <div className="sc-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
        fitView={fitOnOpen} fitViewOptions={{ maxZoom: 1, padding: 0.12 }}
        minZoom={0.2} maxZoom={2} deleteKeyCode={["Backspace", "Delete"]}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable className="sc-minimap" style={{ width: 150, height: 96 }} />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="sc-canvas__empty" data-testid="canvas-empty">
          <strong>Drag a source here from the palette</strong>
          <span>then a transform and a sink; connect each output (right) to the next input (left).</span>
        </div>
      )}
    </div>
  );
}
