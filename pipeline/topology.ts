// Graph structure helpers: deterministic topological order and cycle detection over node ids.

/** Kahn's algorithm; ready nodes are taken in their graph order so the result is stable. Nodes on or behind a cycle are left out. */
export function topoOrder(ids: string[], edges: [string, string][]): string[] {
  const indeg = new Map(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of edges) {
    out.get(a)!.push(b);
    indeg.set(b, indeg.get(b)! + 1);
  }
  const order: string[] = [];
  const done = new Set<string>();
  for (;;) {
    const next = ids.find((id) => !done.has(id) && indeg.get(id) === 0);
    if (next === undefined) return order;
    done.add(next);
    order.push(next);
    for (const b of out.get(next)!) indeg.set(b, indeg.get(b)! - 1);
  }
}

/** Every cycle's nodes as a path that returns to its first node (e.g. [a, b, a]), one per strongly connected component. */
export function findCycles(ids: string[], edges: [string, string][]): string[][] {
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of edges) succ.get(a)!.push(b);
  // Tarjan's strongly connected components
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const comps: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of succ.get(v)!) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== v);
      comps.push(comp);
    }
  };
  for (const id of ids) if (!idx.has(id)) visit(id);
  const cycles: string[][] = [];
  for (const comp of comps) {
    const members = new Set(comp);
    const first = ids.find((id) => members.has(id))!;
    if (comp.length === 1 && !succ.get(first)!.includes(first)) continue;
    cycles.push(pathBack(first, members, succ));
  }
  return cycles.sort((a, b) => ids.indexOf(a[0]!) - ids.indexOf(b[0]!));
}

/** A path from `start` back to itself inside one strongly connected component. */
function pathBack(start: string, members: Set<string>, succ: Map<string, string[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of succ.get(v)!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return [start, start];
}
