// The one node component: renders any node kind from its registry entry (title, id, ports, errors). Render only.
"use client";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { getNodeKind } from "@/pipeline/kinds";
import { nodeSummary } from "./node-summary";
import type { CanvasNode } from "./store";
import { useCanvas } from "./store-context";
import { useNodeErrors } from "./validation";
import { PreviewNodeMark } from "@/components/preview/preview-panel";

function handleTop(i: number, n: number) {
  return `${((i + 1) / (n + 1)) * 100}%`;
}

function PipelineNodeView({ id, data, selected }: NodeProps<CanvasNode>) {
  const kind = getNodeKind(data.kind);
  const errors = useNodeErrors(id);
  const mark = useCanvas((s) => s.marks?.[id]); // set only while a version diff is shown
  const inputs = kind?.ports.inputs ?? [];
  const outputs = kind?.ports.outputs ?? [];
  const category = kind?.category ?? "unknown";
  const summary = useMemo(() => (kind ? nodeSummary(kind, data.config) : []), [kind, data.config]);
  return (
    <div
      className={`sc-node sc-node--${category}${selected ? " is-selected" : ""}${errors.length ? " has-errors" : ""}${mark ? ` is-${mark}` : ""}`}
      data-testid={`node-${id}`}
      data-kind={data.kind}
      data-mark={mark}
    >
      <div className="sc-node__head">
        <span className="sc-node__title">{kind?.title ?? data.kind}</span>
        {mark && <span className="sc-node__mark">{mark}</span>}
        {errors.length > 0 && (
          <span className="sc-node__badge" data-testid={`node-error-${id}`} title={errors.map((e) => e.message).join("\n")}>
            {errors.length}
          </span>
        )}
      </div>
      <div className="sc-node__id">{id}</div>
      {summary.map((l, i) => (
        <div key={i} className={`sc-node__summary${l.mono ? " is-mono" : ""}`} title={l.text}>{l.text}</div>
      ))}
      {errors[0] && (
        <div className="sc-node__error" data-testid={`node-error-message-${id}`}>
          {errors[0].message}
        </div>
      )}
      <PreviewNodeMark nodeId={id} />
      {!kind && <div className="sc-node__error">unknown node kind “{data.kind}”</div>}
      {inputs.map((p, i) => (
        <Handle
          key={`in-${p}`} id={p} type="target" position={Position.Left}
          style={{ top: handleTop(i, inputs.length) }}
          data-testid={`handle-${id}-in-${p}`} title={`input ${p}`}
        />
      ))}
      {/* Port names matter only where there is a choice, e.g. a union's left and right input. */}
      {inputs.length > 1 && inputs.map((p, i) => (
        <span key={`label-${p}`} className="sc-node__port" style={{ top: handleTop(i, inputs.length) }}>{p}</span>
      ))}
      {outputs.map((p, i) => (
        <Handle
          key={`out-${p}`} id={p} type="source" position={Position.Right}
          style={{ top: handleTop(i, outputs.length) }}
          data-testid={`handle-${id}-out-${p}`} title={`output ${p}`}
        />
      ))}
    </div>
  );
}

export const PipelineNodeComponent = memo(PipelineNodeView);
