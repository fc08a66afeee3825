// tRPC set-up, once: context (injected services), error shape with zod field errors and graph errors.
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { GraphError } from "@/pipeline/graph";
import type { Services } from "@/server/services";
import { GraphInvalidError } from "@/server/runner/run-tracker";
import { ConnectionInvalid, RunnerRejection, RunnerUnavailable, NotFoundError, StaleRevisionError, PreviewNotFound } from "@/server/errors";
import { SealError } from "@/server/connections/seal";

/** Built per request by the route adapter, or directly by tests over temp-dir services. */
export type Context = { services: Services };

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        graphErrors: cause instanceof GraphInvalidError ? cause.graphErrors : (null as GraphError[] | null),
        /** a connection's invalid fields, for the Connections form */
        connectionIssues: cause instanceof ConnectionInvalid ? cause.issues : null,
      },
    };
  },
});

/** Maps the server's own errors to tRPC codes, keeping them as `cause` for the formatter. */
const errorMapping = t.middleware(async ({ next }) => {
  const res = await next();
  if (res.ok || !(res.error instanceof TRPCError)) return res;
  const cause = res.error.cause;
  const code =
    cause instanceof NotFoundError || cause instanceof PreviewNotFound ? "NOT_FOUND"
    : cause instanceof GraphInvalidError || cause instanceof ConnectionInvalid ? "BAD_REQUEST"
    : cause instanceof SealError ? "PRECONDITION_FAILED"
    : cause instanceof StaleRevisionError ? "CONFLICT"
    : cause instanceof RunnerRejection ? "BAD_REQUEST"
    : cause instanceof RunnerUnavailable ? "SERVICE_UNAVAILABLE"
    : null;
  if (!code) return res;
  const message = cause instanceof RunnerRejection && cause.flinkCause ? `${cause.message}: ${cause.flinkCause}` : cause!.message;
  return { ...res, error: new TRPCError({ code, message, cause }) };
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const procedure = t.procedure.use(errorMapping);
