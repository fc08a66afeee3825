// Monitor shapes, inferred from the server's router (never redeclared by hand).
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Out = inferRouterOutputs<AppRouter>;
type Yielded<T> = T extends AsyncIterable<infer U> ? U : never;
export type JobSnapshot = Yielded<Out["monitor"]["job"]>;
export type JobsSnapshot = Yielded<Out["monitor"]["jobs"]>;
export type JobRow = JobsSnapshot["jobs"][number];
export type NodeFigures = NonNullable<JobSnapshot["nodes"]>[string];
export type JobContext = Out["monitor"]["jobContext"];
