// A node's connection field: typed freely, with this server's connections of the node's kind as suggestions, and a
// word under it when the named one does not exist (with the way to the Connections page to create it).
"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";

export function ConnectionField({ path, kind, value, input }: {
  path: string; kind: string; value: string;
  /** the text input, given the datalist id to suggest from */
  input(list: string): React.ReactNode;
}) {
  const trpc = useTRPC();
  const list = useQuery(trpc.connections.list.queryOptions(undefined, { staleTime: 10_000 }));
  const mine = (list.data ?? []).filter((c) => c.kind === kind);
  const id = `sc-connections-${path}`;
  const missing = value.trim() !== "" && list.data !== undefined && !mine.some((c) => c.name === value);
  return (
    <>
      {input(id)}
      <datalist id={id}>
        {mine.map((c) => <option key={c.name} value={c.name} data-testid="connection-option">{c.summary}</option>)}
      </datalist>
      {missing && (
        <span className="sc-field__hint sc-bad" data-testid={`connection-missing-${path}`}>
          No {kind} connection named “{value}” on this server: <Link href="/connections">create it on the Connections page</Link>.
        </span>
      )}
    </>
  );
}
