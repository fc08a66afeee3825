// Run and runner shapes, inferred from the server's router (never redeclared by hand).
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Out = inferRouterOutputs<AppRouter>;
export type RunInfo = Out["runs"]["get"];
export type RunStatus = RunInfo["status"];
export type SinkResult = RunInfo["sinks"][string];
export type RunnerStatus = Out["runner"]["status"];
