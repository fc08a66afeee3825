// Canvas store (DESIGN §6.5): the graph being edited as React Flow nodes/edges plus small actions; no I/O in here.
import {
  addEdge, applyEdgeChanges, applyNodeChanges,
  type Connection, type Edge, type EdgeChange, type Node, type NodeChange,
} from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import { edgeIdFor, extractFragment, nextNodeId, remapFragment, type Fragment } from "@/pipeline/fragment";
import { SCHEMA_VERSION, type PipelineEdge, type PipelineGraph } from "@/pipeline/graph";
import type { RunSettings } from "@/pipeline/run-settings";
import { createHistory, type HistoryState } from "./history";

export { nextNodeId };
export type PipelineNodeData = { kind: string; version: number; config: Record<string, unknown> };
export type CanvasNode = Node<PipelineNodeData, "pipeline">;
export type CanvasEdge = Edge<Record<string, never>, "typed">;
/** How a node differs from the version it is compared with (shown on the canvas while a diff is open). */
export type NodeMark = "added" | "removed" | "changed";

export type CanvasState = HistoryState & {
  name: string;
  /** how the pipeline runs; saved with the graph */
  settings: RunSettings;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Node id → mark while a version diff is shown; null otherwise. Display only, never saved. */
  marks: Record<string, NodeMark> | null;
};

type XY = { x: number; y: number };
export type CanvasActions = {
  onNodesChange(changes: NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void;
  onConnect(c: Connection): void;
  addNode(kind: string, version: number, config: Record<string, unknown>, position: XY): string;
  /** Adds a node in the middle of an edge: source → new node → target, through the new node's first ports. */
  insertOnEdge(edgeId: string, kind: string, version: number, config: Record<string, unknown>, position: XY, ports: { in: string; out: string }): string | null;
  updateConfig(nodeId: string, config: Record<string, unknown>): void;
  select(nodeId: string | null): void;
  setName(name: string): void;
  setSettings(settings: RunSettings): void;
  /** Replaces the whole graph; `undoable` for a user's restore/import, not for loading. */
  replaceGraph(graph: PipelineGraph, undoable?: boolean): void;
  deleteNodes(ids: string[]): void;
  /** Deletes the selected nodes (with their edges) and the selected edges, as one undo step. */
  deleteSelection(): void;
  /** The selected nodes and the edges between them, or null when nothing is selected. */
  copySelection(): Fragment | null;
  /** Pastes a fragment with fresh ids, shifted by offset; the pasted nodes become the selection. Returns the new ids. */
  paste(fragment: Fragment, offset: XY): string[];
  /** Moves nodes (auto-layout) as one undo step. */
  setPositions(positions: Record<string, XY>): void;
  setMarks(marks: Record<string, NodeMark> | null): void;
  undo(): void;
  redo(): void;
};

export type CanvasStore = ReturnType<typeof createCanvasStore>;

const toCanvasNode = (n: PipelineGraph["nodes"][number], selected = false): CanvasNode => ({
  id: n.id, type: "pipeline", position: n.position, selected,
  data: { kind: n.kind, version: n.version, config: n.config },
});
const toCanvasEdge = (e: PipelineEdge): CanvasEdge => ({
  id: e.id, type: "typed", source: e.from.node, sourceHandle: e.from.port, target: e.to.node, targetHandle: e.to.port,
});

export function fromGraph(graph: PipelineGraph): Pick<CanvasState, "name" | "settings" | "nodes" | "edges"> {
  return { name: graph.name, settings: graph.settings, nodes: graph.nodes.map((n) => toCanvasNode(n)), edges: graph.edges.map(toCanvasEdge) };
}

export function toGraph(s: Pick<CanvasState, "name" | "settings" | "nodes" | "edges">): PipelineGraph {
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
    settings: s.settings,
  };
}

const unselect = <T extends { selected?: boolean }>(xs: T[]) => xs.map((x) => (x.selected ? { ...x, selected: false } : x));

export function createCanvasStore(initial: PipelineGraph) {
  return createStore<CanvasState & CanvasActions>()((set, get) => {
    const history = createHistory(get, set);
    let dragging = false;
    const removeNodes = (ids: Set<string>) => set({
      nodes: get().nodes.filter((n) => !ids.has(n.id)),
      edges: get().edges.filter((e) => !ids.has(e.source) && !ids.has(e.target)),
    });
    return {
      ...fromGraph(initial), past: [], future: [], marks: null,
      onNodesChange: (changes) => {
        // Selection and measuring are not edits; a drag is one step however many frames it takes.
        const removed = new Set<string>();
        for (const c of changes) {
          if (c.type === "position" && c.dragging && !dragging) { history.checkpoint(); dragging = true; }
          else if (c.type === "position" && !c.dragging && dragging) { dragging = false; history.seal(); }
          else if (c.type === "position" && !c.dragging && c.position) history.checkpoint("nudge");
          else if (c.type === "remove") removed.add(c.id);
          else if (c.type === "add" || c.type === "replace") history.checkpoint();
        }
        if (removed.size) history.checkpoint();
        set({ nodes: applyNodeChanges(changes, get().nodes) });
        if (removed.size) set({ edges: get().edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)) });
      },
      onEdgesChange: (changes) => {
        if (changes.some((c) => c.type === "remove" || c.type === "add" || c.type === "replace")) history.checkpoint();
        set({ edges: applyEdgeChanges(changes, get().edges) });
      },
      onConnect: (c) => {
        if (!c.source || !c.target || c.source === c.target) return;
        history.checkpoint();
        // An input port takes one edge: a new connection replaces the old one.
        const kept = get().edges.filter((e) => !(e.target === c.target && e.targetHandle === c.targetHandle));
        const id = edgeIdFor({ from: { node: c.source, port: c.sourceHandle ?? "out" }, to: { node: c.target, port: c.targetHandle ?? "in" } });
        set({ edges: addEdge({ ...c, id, type: "typed" }, kept) });
      },
      addNode: (kind, version, config, position) => {
        history.checkpoint();
        const id = nextNodeId(kind, get().nodes.map((n) => n.id));
        const node: CanvasNode = { id, type: "pipeline", position, data: { kind, version, config }, selected: true };
        set({ nodes: [...unselect(get().nodes), node], edges: unselect(get().edges) });
        return id;
      },
      insertOnEdge: (edgeId, kind, version, config, position, ports) => {
        const edge = get().edges.find((e) => e.id === edgeId);
        if (!edge) return null;
        const id = get().addNode(kind, version, config, position);
        history.seal();
        const a = { from: { node: edge.source, port: edge.sourceHandle ?? "out" }, to: { node: id, port: ports.in } };
        const b = { from: { node: id, port: ports.out }, to: { node: edge.target, port: edge.targetHandle ?? "in" } };
        set({
          edges: [...get().edges.filter((e) => e.id !== edgeId), toCanvasEdge({ id: edgeIdFor(a), ...a }), toCanvasEdge({ id: edgeIdFor(b), ...b })],
        });
        return id;
      },
      updateConfig: (nodeId, config) => {
        history.checkpoint(`config:${nodeId}`);
        set({ nodes: get().nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, config } } : n)) });
      },
      select: (nodeId) =>
        set({
          nodes: get().nodes.map((n) => ((n.id === nodeId) === !!n.selected ? n : { ...n, selected: n.id === nodeId })),
        }),
      setName: (name) => {
        history.checkpoint("name");
        set({ name });
      },
      setSettings: (settings) => {
        history.checkpoint("settings");
        set({ settings });
      },
      replaceGraph: (graph, undoable = false) => {
        if (undoable) history.checkpoint();
        set(fromGraph(graph));
      },
      deleteNodes: (ids) => {
        if (!ids.length) return;
        history.checkpoint();
        removeNodes(new Set(ids));
      },
      deleteSelection: () => {
        const nodes = get().nodes.filter((n) => n.selected).map((n) => n.id);
        const edges = new Set(get().edges.filter((e) => e.selected).map((e) => e.id));
        if (!nodes.length && !edges.size) return;
        history.checkpoint();
        set({ edges: get().edges.filter((e) => !edges.has(e.id)) });
        removeNodes(new Set(nodes));
      },
      copySelection: () => {
        const ids = get().nodes.filter((n) => n.selected).map((n) => n.id);
        return ids.length ? extractFragment(toGraph(get()), ids) : null;
      },
      paste: (fragment, offset) => {
        if (!fragment.nodes.length) return [];
        history.checkpoint();
        const { nodes, edges } = remapFragment(fragment, get().nodes.map((n) => n.id), offset);
        set({
          nodes: [...unselect(get().nodes), ...nodes.map((n) => toCanvasNode(n, true))],
          edges: [...unselect(get().edges), ...edges.map(toCanvasEdge)],
        });
        return nodes.map((n) => n.id);
      },
      setPositions: (positions) => {
        history.checkpoint();
        set({ nodes: get().nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n)) });
      },
      setMarks: (marks) => set({ marks }),
      undo: () => void history.undo(),
      redo: () => void history.redo(),
    };
  });
}
