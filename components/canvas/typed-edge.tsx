// An edge labelled with the row type flowing through it: shortened on the canvas, full text on hover.
"use client";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { CHAR_PX, rowTypeText, shortRowType } from "./row-type-label";
import type { CanvasEdge } from "./store";
import { useValidation } from "./validation";
import { PreviewEdgeBadge } from "@/components/preview/preview-panel";

function TypedEdgeView(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const rowType = useValidation().edgeTypes[id];
  const full = rowType ? rowTypeText(rowType) : "";
  // Fit between the two nodes so the label never hides under one; the full text is on hover.
  const maxWidth = Math.max(48, Math.min(240, Math.hypot(targetX - sourceX, targetY - sourceY) - 28));
  const short = rowType ? shortRowType(rowType, Math.floor((maxWidth - 12) / CHAR_PX)) : "";
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? "sc-edge is-selected" : "sc-edge"} />
      <EdgeLabelRenderer>
        <PreviewEdgeBadge edgeId={id} x={labelX} y={labelY} />
      </EdgeLabelRenderer>
      {rowType && (
        <EdgeLabelRenderer>
          <div
            className="sc-edge__label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, maxWidth }}
            title={full}
            data-testid={`edge-label-${id}`}
          >
            {short}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TypedEdge = memo(TypedEdgeView);
