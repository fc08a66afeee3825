// udf.*: what the browser's UDF editor needs from the server: the allowlisted libraries' declarations (read from
// node_modules, the same text the server's type-check uses).
import { UDF_LIBRARIES } from "@/pipeline/udf/libraries";
import { udfLibraryDeclarations } from "@/server/udf/library-types";
import { procedure, router } from "../trpc";

export const udfRouter = router({
  libraries: procedure.query(() => ({ names: [...UDF_LIBRARIES], declarations: udfLibraryDeclarations() })),
});
