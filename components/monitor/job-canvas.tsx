// The pipeline's canvas, read-only, with live figures on each node and edges coloured by backpressure.
"use client";
import {
  BaseEdge, Background, Handle, Position, ReactFlow, ReactFlowProvider, getBezierPath,
  type EdgeProps, type Node, type NodeProps, type Edge,
} from "@xyflow/react";
import { memo, useMemo } from "react";
import type { PipelineGraph } from "@/pipeline/graph";
import { getNodeKind } from "@/pipeline/kinds";
import { fromGraph } from "@/components/canvas/store";
import { backpressureTone, fmtCount, fmtLatency, fmtRate, fmtShare, fmtDuration } from "./format";
import type { NodeFigures } from "./monitor-types";

type FigNode = Node<{ kind: string; figures: NodeFigures | null; stale: boolean; failed: boolean }, "monitor">;
type FigEdge = Edge<{ tone: string }, "pressure">;

function MonitorNodeView({ id, data }: NodeProps<FigNode>) {
  const kind = getNodeKind(data.kind);
  const f = data.figures;
  const inputs = kind?.ports.inputs ?? [];
  const outputs = kind?.ports.outputs ?? [];
  const chained = f?.scope === "chain" && (f.sharedWith.length > 0 || f.operators.length > 1);
  return (
    <div className={`sc-node sc-node--${kind?.category ?? "unknown"} sc-mnode${data.stale ? " is-stale" : ""}${data.failed ? " has-errors" : ""}`}
      data-testid={`mnode-${id}`} data-failed={data.failed}>
      <div className="sc-node__head">
        <span className="sc-node__title">{kind?.title ?? data.kind}</span>
        {data.failed && <span className="sc-node__badge" title="the job's failure is mapped to this node (see Exceptions)">!</span>}
      </div>
      <div className="sc-node__id">{id}</div>
      {f ? (
        <div className="sc-mnode__figs">
          {inputs.length > 0 && <span title="records in per second">in <b data-testid={`figure-in-${id}`}>{fmtRate(f.inRate)}</b></span>}
          {outputs.length > 0 && <span title="records out per second">out <b data-testid={`figure-out-${id}`}>{fmtRate(f.outRate)}</b></span>}
          <span title="busy share of the vertex's time (worst subtask)">busy {fmtShare(f.busy)}</span>
          <span title="backpressured share of the vertex's time (worst subtask)">bp {fmtShare(f.backpressured)}</span>
          {f.watermarkLagMs !== null && <span title={`watermark ${new Date(f.watermark!).toISOString()}`}>wm lag {fmtDuration(f.watermarkLagMs)}</span>}
          {f.udf && (
            <span className="sc-mnode__udf" data-testid={`udf-figures-${id}`}
              title={`TypeScript UDF: rows answered by its workers (${fmtRate(f.udf.rowsPerSecond)}), batches sent, slowest recent batch round trip`}>
              udf <b data-testid={`udf-rows-${id}`}>{fmtCount(f.udf.rows)}</b> rows · <b data-testid={`udf-batches-${id}`}>{fmtCount(f.udf.batches)}</b> batches
              · <b data-testid={`udf-latency-${id}`}>{fmtLatency(f.udf.latencyMs)}</b>
            </span>
          )}
          {f.kafka && (
            <span title={f.kafka.lagFrom === "offsets" ? "records behind the topics' latest offsets" : "Flink's pending records (the latest offsets are not known yet)"}>
              lag <b data-testid={`kafka-lag-${id}`}>{fmtCount(f.kafka.lag)}</b>
            </span>
          )}
          {f.sent !== undefined && <span title="records the sink's writer has sent">sent <b data-testid={`sent-${id}`}>{fmtCount(f.sent)}</b></span>}
          {f.scope === "operator" && f.vertices.length > 1 && (
            <span className="sc-mnode__chain" title="Flink plans this node once per sink pipeline; the figures add up its copies">
              ×{f.vertices.length} copies
            </span>
          )}
          {chained && (
            <span className="sc-mnode__chain" data-testid={`chained-${id}`}
              title={`Flink runs ${f.operators.join(" → ")} as one chained group; these figures are the group's`}>
              chained{f.sharedWith.length ? ` with ${f.sharedWith.join(", ")}` : ""}
            </span>
          )}
        </div>
      ) : <div className="sc-mnode__figs sc-muted">no figures</div>}
      {inputs.map((p, i) => <Handle key={p} id={p} type="target" position={Position.Left} style={{ top: `${((i + 1) / (inputs.length + 1)) * 100}%` }} isConnectable={false} />)}
      {outputs.map((p, i) => <Handle key={p} id={p} type="source" position={Position.Right} style={{ top: `${((i + 1) / (outputs.length + 1)) * 100}%` }} isConnectable={false} />)}
    </div>
  );
}

function PressureEdgeView(p: EdgeProps<FigEdge>) {
  const [path] = getBezierPath(p);
  return <BaseEdge id={p.id} path={path} className={`sc-pedge sc-pedge--${p.data?.tone ?? "none"}`} />;
}

const nodeTypes = { monitor: memo(MonitorNodeView) };
const edgeTypes = { pressure: memo(PressureEdgeView) };

export function JobCanvas({ graph, figures, stale, failed }: {
  graph: PipelineGraph; figures: Record<string, NodeFigures> | null; stale: boolean; failed: string[];
}) {
  const base = useMemo(() => fromGraph(graph), [graph]);
  const nodes: FigNode[] = useMemo(() => base.nodes.map((n) => ({
    id: n.id, type: "monitor", position: n.position, draggable: false, selectable: false, connectable: false,
    data: { kind: n.data.kind, figures: figures?.[n.id] ?? null, stale, failed: failed.includes(n.id) },
  })), [base, figures, stale, failed]);
  const edges: FigEdge[] = useMemo(() => base.edges.map((e) => {
    const tone = backpressureTone(figures?.[e.source]?.backpressured);
    return { id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle, targetHandle: e.targetHandle, type: "pressure", data: { tone } };
  }), [base, figures]);
  return (
    <div className="sc-canvas sc-jobcanvas" data-testid="job-canvas">
      <ReactFlowProvider>
        <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} fitView fitViewOptions={{ maxZoom: 1, padding: 0.12 }}
          nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} nodesFocusable={false} edgesFocusable={false}
          proOptions={{ hideAttribution: true }}>
          <Background gap={16} size={1} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
