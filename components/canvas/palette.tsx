// Palette of node kinds grouped by category: drag onto the canvas, or click to add at the centre of the view.
"use client";
import { useReactFlow } from "@xyflow/react";
import type { DragEvent } from "react";
import { nodeKinds } from "@/pipeline/kinds";
import type { NodeCategory } from "@/pipeline/kinds/define";
import { DRAG_MIME } from "./canvas";
import { useCanvasStoreApi } from "./store-context";
import { useAddNode } from "./use-add-node";

const CATEGORIES: { id: NodeCategory; label: string }[] = [
  { id: "source", label: "Sources" },
  { id: "transform", label: "Transforms" },
  { id: "sink", label: "Sinks" },
];


export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const addNode = useAddNode();
  const store = useCanvasStoreApi();

  const onDragStart = (e: DragEvent, kind: string) => {
    e.dataTransfer.setData(DRAG_MIME, kind);
    e.dataTransfer.effectAllowed = "copy";
  };

  const onClick = (kind: string) => {
    const el = document.querySelector("[data-testid=canvas]");
    const r = el?.getBoundingClientRect();
    const centre = r ? screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
    // Step right past existing nodes so a clicked-in node never lands on top of another one.
    const pos = { x: Math.round(centre.x - 84), y: Math.round(centre.y - 40) };
    const nodes = store.getState().nodes;
    while (nodes.some((n) => Math.abs(n.position.x - pos.x) < 200 && Math.abs(n.position.y - pos.y) < 90)) pos.x += 230;
    addNode(kind, pos);
  };

  return (
    <aside className="sc-palette" data-testid="palette" tabIndex={-1}>
      {CATEGORIES.map((cat) => {
        const kinds = nodeKinds.filter((k) => k.category === cat.id);
        if (!kinds.length) return null;
        return (
          <section key={cat.id} className="sc-palette__group">
            <h3 className="sc-panel-title">{cat.label}</h3>
            {kinds.map((k) => (
              <button
                key={k.kind} type="button" draggable
                className={`sc-palette__item sc-cat--${k.category}`}
                data-testid={`palette-${k.kind}`}
                onDragStart={(e) => onDragStart(e, k.kind)}
                onClick={() => onClick(k.kind)}
                title={`${k.description}\n\nDrag onto the canvas, or click to add.`}
              >
                <span className="sc-palette__dot" />
                <span className="sc-palette__name">{k.title}</span>
              </button>
            ))}
          </section>
        );
      })}
    </aside>
  );
}
