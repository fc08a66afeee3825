// An edge labelled with the row type flowing through it: shortened on the canvas, full text on hover.
"use client";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { formatType, type RowType } from "@/pipeline/types";
import type { CanvasEdge } from "./store";
import { useValidation } from "./validation";

const MAX_LABEL = 38;

export function rowTypeText(rt: RowType): string {
  return rt.map((c) => `${c.name} ${formatType(c.type)}`).join(", ");
}

function TypedEdgeView(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const rowType = useValidation().edgeTypes[id];
  const full = rowType ? rowTypeText(rowType) : "";
  const short = full.length > MAX_LABEL ? `${full.slice(0, MAX_LABEL - 1)}…` : full;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? "sc-edge is-selected" : "sc-edge"} />
      {rowType && (
        <EdgeLabelRenderer>
          <div
            className="sc-edge__label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
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
