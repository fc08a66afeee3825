// Live type check of the canvas's TS UDFs by the server's TypeScript compiler (the authority, the same check a Run
// makes), debounced: its errors join the canvas's validation for as long as their node's config is the one checked.
"use client";
import { useEffect, useMemo, useState } from "react";
import { typescriptFields } from "@/components/inspector/json-schema";
import { useTRPCClient } from "@/components/trpc/client";
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import { getNodeKind } from "@/pipeline/kinds";

/** After the editor's own pause (udf-editor DEBOUNCE_MS) has put the code in the store, wait this long for more. */
const DEBOUNCE_MS = 200;

type Checked = { key: string; errors: GraphError[]; configs: Map<string, string> };
export type UdfCheck = { errors: GraphError[]; checking: boolean };

/** JSON of each node's config that holds UDF code (non-empty): the nodes the compiler has something to say about. */
function udfConfigs(graph: PipelineGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of graph.nodes) {
    const kind = getNodeKind(n.kind);
    if (kind && typescriptFields(kind).some((f) => typeof n.config[f] === "string" && (n.config[f] as string).trim() !== "")) {
      out.set(n.id, JSON.stringify(n.config));
    }
  }
  return out;
}

/** `key` identifies the graph's structure (validation.tsx); `checking` is true while the current one awaits its check. */
export function useUdfTypeCheck(key: string, graph: PipelineGraph): UdfCheck {
  const client = useTRPCClient();
  const configs = useMemo(() => udfConfigs(graph), [graph]);
  const [checked, setChecked] = useState<Checked | null>(null);
  useEffect(() => {
    if (configs.size === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      client.udf.check.mutate({ graph }).then(
        (r) => current && setChecked({ key, errors: r.errors, configs }),
        // the check could not be made (server away): do not block Run on it, the server checks again when Run is pressed
        () => current && setChecked({ key, errors: [], configs }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key, graph, configs]);
  return useMemo(() => {
    if (configs.size === 0) return { errors: [], checking: false };
    // a node edited since its check drops its errors until the next check answers; the others keep theirs meanwhile
    const errors = (checked?.errors ?? []).filter((e) => e.nodeId && checked!.configs.get(e.nodeId) === configs.get(e.nodeId));
    return { errors, checking: checked?.key !== key };
  }, [checked, configs, key]);
}
