// Canvas store (DESIGN §6.5): the graph being edited as React Flow nodes/edges plus small actions; no I/O in here.
import {
  addEdge, applyEdgeChanges, applyNodeChanges,
  type Connection, type Edge, type EdgeChange, type Node, type NodeChange,
} from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import { SCHEMA_VERSION, type PipelineGraph } from "@/pipeline/graph";

export type PipelineNodeData = { kind: string; version: number; config: Record<string, unknown> };
export type CanvasNode = Node<PipelineNodeData, "pipeline">;
export type CanvasEdge = Edge<Record<string, never>, "typed">;

export type CanvasState = {
  name: string;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
};

export type CanvasActions = {
  onNodesChange(changes: NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void;
  onConnect(c: Connection): void;
  addNode(kind: string, version: number, config: Record<string, unknown>, position: { x: number; y: number }): string;
  updateConfig(nodeId: string, config: Record<string, unknown>): void;
  select(nodeId: string | null): void;
  setName(name: string): void;
  replaceGraph(graph: PipelineGraph): void;
};

export type CanvasStore = ReturnType<typeof createCanvasStore>;

/** Ids must match the graph schema's id pattern: a letter, then letters, digits, _ or -. */
export function nextNodeId(kind: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = kind.replace(/[^A-Za-z0-9]+/g, "_").replace(/^[^A-Za-z]+/, "n");
  for (let i = 1; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function fromGraph(graph: PipelineGraph): CanvasState {
  return {
    name: graph.name,
    nodes: graph.nodes.map((n) => ({
      id: n.id, type: "pipeline", position: n.position,
      data: { kind: n.kind, version: n.version, config: n.config },
    })),
    edges: graph.edges.map((e) => ({
      id: e.id, type: "typed", source: e.from.node, sourceHandle: e.from.port, target: e.to.node, targetHandle: e.to.port,
    })),
  };
}

export function toGraph(s: CanvasState): PipelineGraph {
  return {
    schemaVersion: SCHEMA_VERSION,
    name: s.name,
    nodes: s.nodes.map((n) => ({
      id: n.id, kind: n.data.kind, version: n.data.version, config: n.data.config,
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    })),
    edges: s.edges.map((e) => ({
      id: e.id,
      from: { node: e.source, port: e.sourceHandle ?? "out" },
      to: { node: e.target, port: e.targetHandle ?? "in" },
    })),
  };
}

export function createCanvasStore(initial: PipelineGraph) {
  return createStore<CanvasState & CanvasActions>()((set, get) => ({
    ...fromGraph(initial),
    onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
    onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
    onConnect: (c) => {
      if (!c.source || !c.target || c.source === c.target) return;
      // An input port takes one edge: a new connection replaces the old one.
      const kept = get().edges.filter((e) => !(e.target === c.target && e.targetHandle === c.targetHandle));
      const id = `e_${c.source}_${c.sourceHandle ?? "out"}_${c.target}_${c.targetHandle ?? "in"}`;
      set({ edges: addEdge({ ...c, id, type: "typed" }, kept) });
    },
    addNode: (kind, version, config, position) => {
      const id = nextNodeId(kind, get().nodes.map((n) => n.id));
      const node: CanvasNode = { id, type: "pipeline", position, data: { kind, version, config }, selected: true };
      set({ nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node] });
      return id;
    },
    updateConfig: (nodeId, config) =>
      set({ nodes: get().nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, config } } : n)) }),
    select: (nodeId) =>
      set({
        nodes: get().nodes.map((n) => ((n.id === nodeId) === !!n.selected ? n : { ...n, selected: n.id === nodeId })),
      }),
    setName: (name) => set({ name }),
    replaceGraph: (graph) => set(fromGraph(graph)),
  }));
}
