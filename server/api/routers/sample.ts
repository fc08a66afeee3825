// sample.*: Propose columns for a source from a sample of its data, whatever the source samples (`from`): the Files
// source the first lines of a file under the data root; a Kafka source the latest messages of its topics (read by the
// runner through the named connection). Answers a proposal or what stopped it, with the config field to show that on.
import { SampleRequestSchema } from "@/pipeline/sample/request";
import { sampleDataFile, SampleError } from "@/server/files/sample-file";
import { sampleKafka } from "@/server/kafka/sample-kafka";
import { samplePostgresTable } from "@/server/connect/sample-table";
import { procedure, router } from "../trpc";

export const sampleRouter = router({
  proposeColumns: procedure.input(SampleRequestSchema).mutation(async ({ ctx, input }) => {
    try {
      if (input.from === "kafka") {
        const runner = await ctx.services.supervisor.whenReady(60_000);
        return { ok: true as const, proposal: await sampleKafka(runner, (name) => ctx.services.connections.resolve(name), input) };
      }
      if (input.from === "postgres-table") {
        const runner = await ctx.services.supervisor.whenReady(60_000);
        return { ok: true as const, proposal: await samplePostgresTable(runner, (name) => ctx.services.connections.resolve(name), input) };
      }
      return { ok: true as const, proposal: sampleDataFile(ctx.services.dataRoot, input) };
    } catch (e) {
      if (e instanceof SampleError) return { ok: false as const, field: e.field, message: e.message };
      const err = e as NodeJS.ErrnoException;
      if (err.code && input.from === "data-file") return { ok: false as const, field: "path", message: `could not read "${input.path}": ${err.message}` };
      throw e;
    }
  }),
});
