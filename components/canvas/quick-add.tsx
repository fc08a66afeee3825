// Quick add (Ctrl/⌘ K): search the node kinds and insert one onto the selected edge, or at the pointer.
"use client";
import { useReactFlow } from "@xyflow/react";
import { useMemo, useState, type KeyboardEvent, type RefObject } from "react";
import { getNodeKind, nodeKinds } from "@/pipeline/kinds";
import { useCanvasStoreApi } from "./store-context";
import { useAddNode } from "./use-add-node";

type Props = { pointer: RefObject<{ x: number; y: number } | null>; onClose(): void };

export function QuickAdd({ pointer, onClose }: Props) {
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const store = useCanvasStoreApi();
  const addNode = useAddNode();
  const { screenToFlowPosition } = useReactFlow();
  const matches = useMemo(() => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return nodeKinds.filter((k) => {
      const text = `${k.title} ${k.kind} ${k.category} ${k.description}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [q]);

  const insert = (kind: string) => {
    const k = getNodeKind(kind);
    if (!k) return;
    const s = store.getState();
    const edges = s.edges.filter((e) => e.selected);
    const edge = edges.length === 1 && !s.nodes.some((n) => n.selected) ? edges[0] : undefined;
    if (edge && k.ports.inputs[0] && k.ports.outputs[0]) {
      const a = s.nodes.find((n) => n.id === edge.source)?.position ?? { x: 0, y: 0 };
      const b = s.nodes.find((n) => n.id === edge.target)?.position ?? a;
      const config = structuredClone(k.defaults) as Record<string, unknown>;
      s.insertOnEdge(edge.id, k.kind, k.version, config, { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) + 60 },
        { in: k.ports.inputs[0], out: k.ports.outputs[0] });
    } else {
      const el = document.querySelector("[data-testid=canvas]")?.getBoundingClientRect();
      const screen = pointer.current ?? (el ? { x: el.left + el.width / 2, y: el.top + el.height / 2 } : { x: 0, y: 0 });
      const p = screenToFlowPosition(screen);
      addNode(k.kind, { x: Math.round(p.x - 84), y: Math.round(p.y - 30) });
    }
    onClose();
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") onClose();
    else if (e.key === "ArrowDown") setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
    else if (e.key === "Enter" && matches[active]) insert(matches[active].kind);
    else return;
    e.preventDefault();
  };

  return (
    <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="sc-dialog sc-quick-add" role="dialog" aria-label="Quick add a node" data-testid="quick-add" onKeyDown={onKey}>
        <input
          autoFocus className="sc-input" placeholder="Add a node: type to search kinds…" data-testid="quick-add-input"
          value={q} onChange={(e) => { setQ(e.target.value); setActive(0); }} aria-label="Search node kinds"
        />
        <ul className="sc-quick-add__list" role="listbox">
          {matches.map((k, i) => (
            <li key={k.kind} role="option" aria-selected={i === active}>
              <button type="button" className={`sc-quick-add__item sc-cat--${k.category}${i === active ? " is-active" : ""}`}
                data-testid={`quick-add-item-${k.kind}`} onClick={() => insert(k.kind)} onMouseEnter={() => setActive(i)}>
                <span className="sc-palette__dot" />
                <span className="sc-quick-add__title">{k.title}</span>
                <span className="sc-quick-add__cat">{k.category}</span>
              </button>
            </li>
          ))}
          {!matches.length && <li className="sc-muted">No node kind matches “{q}”.</li>}
        </ul>
      </div>
    </div>
  );
}
