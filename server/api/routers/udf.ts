// udf.*: what the browser's UDF editor needs from the server: the allowlisted libraries' declarations (read from
// node_modules, the same text the server's type-check uses), and the live type check of a graph's TS UDFs.
import { z } from "zod";
import { PipelineGraphSchema } from "@/pipeline/graph";
import { UDF_LIBRARIES } from "@/pipeline/udf/libraries";
import { checkUdfs } from "@/server/udf/compile-udfs";
import { udfLibraryDeclarations } from "@/server/udf/library-types";
import { procedure, router } from "../trpc";

export const udfRouter = router({
  libraries: procedure.query(() => ({ names: [...UDF_LIBRARIES], declarations: udfLibraryDeclarations() })),
  /**
   * The TypeScript compiler's errors for every TS UDF node whose input type is known, as the canvas shows them while
   * the user types (the same check a Run makes). A mutation, so that a large graph travels in a POST body.
   */
  check: procedure
    .input(z.object({ graph: PipelineGraphSchema }))
    .mutation(({ input }) => ({ errors: checkUdfs(input.graph) })),
});
