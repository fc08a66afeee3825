// Graph structure helpers: deterministic topological order and cycle detection over node ids.

/** Kahn's algorithm; ready nodes are taken in their graph order so the result is stable. Nodes on or behind a cycle are left out.
 * Iterative and O(n log n + e): a 10,000-node chain must not exhaust the stack or take quadratic time. */
export function topoOrder(ids: string[], edges: [string, string][]): string[] {
  const pos = new Map(ids.map((id, i) => [id, i]));
  const indeg = ids.map(() => 0);
  const out: number[][] = ids.map(() => []);
  for (const [a, b] of edges) {
    out[pos.get(a)!]!.push(pos.get(b)!);
    indeg[pos.get(b)!]!++;
  }
  const ready = new MinHeap();
  indeg.forEach((d, i) => d === 0 && ready.push(i));
  const order: string[] = [];
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    order.push(ids[next]!);
    for (const b of out[next]!) if (--indeg[b]! === 0) ready.push(b);
  }
  return order;
}

/** The smallest graph position first, so the order matches "the first ready node in graph order". */
class MinHeap {
  private a: number[] = [];
  push(v: number) {
    const a = this.a;
    a.push(v);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]! <= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** Every cycle's nodes as a path that returns to its first node (e.g. [a, b, a]), one per strongly connected component. */
export function findCycles(ids: string[], edges: [string, string][]): string[][] {
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of edges) succ.get(a)!.push(b);
  const pos = new Map(ids.map((id, i) => [id, i]));
  const cycles: string[][] = [];
  for (const comp of stronglyConnected(ids, succ)) {
    if (comp.length === 1 && !succ.get(comp[0]!)!.includes(comp[0]!)) continue;
    const first = comp.reduce((a, b) => (pos.get(b)! < pos.get(a)! ? b : a));
    cycles.push(pathBack(first, new Set(comp), succ));
  }
  return cycles.sort((a, b) => pos.get(a[0]!)! - pos.get(b[0]!)!);
}

/** Tarjan's strongly connected components with an explicit stack (no recursion: long chains are legal graphs). */
function stronglyConnected(ids: string[], succ: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const comps: string[][] = [];
  for (const root of ids) {
    if (idx.has(root)) continue;
    // each frame: the node and how many of its successors have been looked at
    const frames: [string, number][] = [[root, 0]];
    idx.set(root, index); low.set(root, index); index++;
    stack.push(root); onStack.add(root);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const [v, i] = frame;
      const next = succ.get(v)!;
      if (i < next.length) {
        frame[1]++;
        const w = next[i]!;
        if (!idx.has(w)) {
          idx.set(w, index); low.set(w, index); index++;
          stack.push(w); onStack.add(w);
          frames.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== v);
        comps.push(comp);
      }
    }
  }
  return comps;
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
