// Right-hand inspector: the selected node's generated config form and its errors; the pipeline's name otherwise.
"use client";
import { getNodeKind } from "@/pipeline/kinds";
import { type NodeKind, tryItKind } from "@/pipeline/kinds/define";
import { useCanvas, useCanvasStoreApi } from "@/components/canvas/store-context";
import { useNodeErrors, useValidation } from "@/components/canvas/validation";
import { ErrorList } from "./error-list";
import { inputStatus } from "@/pipeline/input-status";
import { InputColumns } from "./input-columns";
import { ProposeColumns } from "./propose-columns";
import { configSchema } from "./json-schema";
import { SchemaForm } from "./schema-form";
import { PreviewButton } from "@/components/preview/preview-panel";
import { UdfTryIt } from "@/components/preview/udf-try-it";

export function Inspector() {
  const selectedId = useCanvas((s) => s.nodes.find((n) => n.selected)?.id ?? null);
  return (
    <aside className="sc-inspector" data-testid="inspector" tabIndex={-1}>
      {selectedId ? <NodeInspector key={selectedId} nodeId={selectedId} /> : <PipelineInspector />}
    </aside>
  );
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  const data = useCanvas((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const store = useCanvasStoreApi();
  const errors = useNodeErrors(nodeId);
  const { edgeTypes, rowTypes, errors: allErrors } = useValidation();
  const edges = useCanvas((s) => s.edges);
  const inEdge = useCanvas((s) => s.edges.find((e) => e.target === nodeId)?.id);
  const inSource = useCanvas((s) => s.edges.find((e) => e.target === nodeId)?.source);
  // "port=edge id" per incoming edge, as one string so the selector's result compares equal across renders
  const inPorts = useCanvas((s) => s.edges.filter((e) => e.target === nodeId).map((e) => `${e.targetHandle ?? "in"}=${e.id}`).sort().join("\n"));
  if (!data) return null;
  const kind = getNodeKind(data.kind);
  if (!kind) return <p className="sc-field__error">Unknown node kind “{data.kind}”.</p>;
  const inputRowType = (inEdge && edgeTypes[inEdge]) || (inSource && rowTypes[inSource]) || undefined;
  // two-input kinds (join, union) show each port's columns and complete names from both
  const portTypes = kind.ports.inputs.length > 1
    ? kind.ports.inputs.map((port) => {
      const edge = inPorts.split("\n").find((l) => l.startsWith(`${port}=`))?.slice(port.length + 1);
      return { port, rowType: edge ? edgeTypes[edge] : undefined };
    })
    : undefined;
  const columnNames = portTypes
    ? [...new Set(portTypes.flatMap((p) => p.rowType?.map((c) => c.name) ?? []))]
    : (inputRowType ?? rowTypes[nodeId] ?? []).map((c) => c.name);
  return (
    <div className="sc-inspector__body">
      <header className="sc-inspector__head">
        <div>
          <div className={`sc-kind-tag sc-cat--${kind.category}`}>{kind.category}</div>
          <h2 className="sc-inspector__title">{kind.title}</h2>
          <code className="sc-inspector__id" data-testid="inspector-node-id">{nodeId}</code>
        </div>
        <PreviewButton nodeId={nodeId} />
        <button type="button" className="sc-button sc-button--ghost" data-testid="delete-node"
          onClick={() => store.getState().deleteNodes([nodeId])}>Delete</button>
      </header>
      <p className="sc-muted">{kind.description}</p>
      <ErrorList errors={errors} testId="inspector-errors" />
      {kind.ports.inputs.map((port) => {
        // a one-input node's edge may carry no handle name
        const only = kind.ports.inputs.length === 1 ? port : undefined;
        const links = edges.map((e) => ({ from: e.source, to: e.target, port: (e.target === nodeId && only) || (e.targetHandle ?? "in") }));
        const status = inputStatus(links, allErrors, rowTypes, nodeId, port);
        return <InputColumns key={port} status={status} port={portTypes ? port : undefined} />;
      })}
      <form className="sc-form" onSubmit={(e) => e.preventDefault()}>
        <SchemaForm
          schema={configSchema(kind as NodeKind<unknown>)} value={data.config}
          onChange={(c) => store.getState().updateConfig(nodeId, c)}
          ctx={{ nodeId, errors, inputRowType, columnNames }}
        />
      </form>
      {kind.source?.sample && (
        <ProposeColumns kind={kind as NodeKind<unknown>} config={data.config} onApply={(c) => store.getState().updateConfig(nodeId, c as Record<string, unknown>)} />
      )}
      {tryItKind(getNodeKind(data.kind)) && <UdfTryIt nodeId={nodeId} />}
    </div>
  );
}

function PipelineInspector() {
  const count = useCanvas((s) => s.nodes.length);
  const { errors } = useValidation();
  return (
    <div className="sc-inspector__body">
      <header className="sc-inspector__head"><h2 className="sc-inspector__title">Pipeline</h2></header>
      <p className="sc-muted">
        Drag node kinds from the palette, connect an output (right) to an input (left), and select a node to edit it.
        Every edit is saved as you go.
      </p>
      {count > 0 && <p className="sc-muted">{`${count} node${count === 1 ? "" : "s"}.`}</p>}
      <ErrorList errors={errors} testId="pipeline-errors" withNode />
    </div>
  );
}
