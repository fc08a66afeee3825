// examples.*: the example pipelines shipped in examples/, for "new from example".
import { listExamples } from "@/server/store/examples";
import { procedure, router } from "../trpc";

export const examplesRouter = router({
  list: procedure.query(({ ctx }) =>
    listExamples(ctx.services.examplesDir).map(({ file, name, description }) => ({ file, name, description })),
  ),
});
