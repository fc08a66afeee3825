// The server's error classes, in one place, each recognised by `instanceof` across Next's separate server bundles (instrumentation.ts and the route
// handler each get their own copy of a module, so a class identity check fails on an error thrown by the other copy).
import type { GraphError } from "@/pipeline/graph";

type ErrorClass = abstract new (...args: never[]) => Error;

/** Names the class and makes `x instanceof C` match any Error with that name, whichever bundle's copy made it. */
export function crossBundleError<C extends ErrorClass>(name: string, cls: C): C {
  Object.defineProperty(cls.prototype, "name", { value: name, configurable: true });
  Object.defineProperty(cls, Symbol.hasInstance, { value: (x: unknown) => x instanceof Error && x.name === name });
  return cls;
}


/** A run, pipeline or version the caller named does not exist. */
export class NotFoundError extends Error {}
crossBundleError("NotFoundError", NotFoundError);

/** jvm-runner's classes or libraries are missing: it must be built first. */
export class RunnerNotBuilt extends Error {}

/** The runner answered with a refusal (e.g. Flink rejected the program); `cause` is Flink's root cause. */
export class RunnerRejection extends Error {
  constructor(readonly status: number, message: string, readonly flinkCause?: string | null) {
    super(message);
  }
}
crossBundleError("RunnerRejection", RunnerRejection);

/** The runner could not be reached or answered garbage. */
export class RunnerUnavailable extends Error {}
crossBundleError("RunnerUnavailable", RunnerUnavailable);

/** A savepoint could not be taken; the job it was taken of keeps running. */
export class SavepointFailed extends Error {}
crossBundleError("SavepointFailed", SavepointFailed);

/** Flink could not be reached, or answered something the schema does not accept. */
export class FlinkUnreachable extends Error {}
crossBundleError("FlinkUnreachable", FlinkUnreachable);

/** Flink answered with an HTTP error (e.g. 404 for a job it does not know). */
export class FlinkHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
crossBundleError("FlinkHttpError", FlinkHttpError);

/** Thrown when a save names a revision that is no longer the latest. */
export class StaleRevisionError extends Error {
  constructor(readonly current: number) {
    super(`pipeline was changed elsewhere (now at revision ${current}); reload it`);
  }
}
crossBundleError("StaleRevisionError", StaleRevisionError);

/** Thrown by compileGraph for a graph that does not compile; carries the errors for the API and the CLI. */
export class GraphCompileError extends Error {
  constructor(readonly graphErrors: GraphError[]) {
    super(`pipeline is invalid: ${graphErrors.map((e) => `${e.nodeId ? `node ${e.nodeId}: ` : ""}${e.message}`).join("; ")}`);
  }
}
crossBundleError("GraphCompileError", GraphCompileError);

/** No sandbox command works on this machine for UDF workers. */
export class SandboxUnavailable extends Error {}

/** A preview session the caller named is gone or never existed. */
export class PreviewNotFound extends Error {}
crossBundleError("PreviewNotFound", PreviewNotFound);

/** The database file cannot be opened or read: the message names it and says how to recover. */
export class StoreOpenError extends Error {}
crossBundleError("StoreOpenError", StoreOpenError);

/** A connection's fields are invalid (or its name is taken); `issues` pin each problem to a field for the form. */
export class ConnectionInvalid extends Error {
  constructor(message: string, readonly issues: { field: string; message: string }[]) {
    super(message);
  }
}
crossBundleError("ConnectionInvalid", ConnectionInvalid);
