// zod schemas of the Flink REST API answers the monitor reads (only the fields it uses; Flink adds fields freely).
import { z } from "zod";

/** Flink writes NaN/Infinity as strings in some metric answers; a number or such a string, read as a number. */
const num = z.union([z.number(), z.string()]).transform((v) => (typeof v === "number" ? v : Number(v)));

export const JobsOverviewSchema = z.object({
  jobs: z.array(z.object({
    jid: z.string(), name: z.string(), state: z.string(),
    "start-time": z.number(), "end-time": z.number(), duration: z.number(),
  })),
});

export const JobDetailsSchema = z.object({
  jid: z.string(), name: z.string(), state: z.string(),
  "start-time": z.number(), "end-time": z.number(), duration: z.number(), now: z.number().optional(),
  vertices: z.array(z.object({ id: z.string(), name: z.string(), parallelism: z.number(), status: z.string() })),
});
export type JobDetails = z.infer<typeof JobDetailsSchema>;

export const JobPlanSchema = z.object({
  plan: z.object({
    nodes: z.array(z.object({
      id: z.string(), description: z.string().optional(),
      inputs: z.array(z.object({ id: z.string(), ship_strategy: z.string().optional() })).optional(),
    })),
  }),
});

/** /jobs/:id/vertices/:vid/subtasks/metrics?get=…&agg=… : one entry per metric with the asked aggregates. */
export const AggregatedMetricsSchema = z.array(
  z.object({ id: z.string(), min: num.optional(), max: num.optional(), sum: num.optional(), avg: num.optional() }),
);
/** /jobs/:id/metrics?get=… and /jobs/:id/vertices/:vid/watermarks */
export const MetricValuesSchema = z.array(z.object({ id: z.string(), value: z.string().optional() }));

export const BackpressureSchema = z.object({
  status: z.string(),
  backpressureLevel: z.string().optional(),
  subtasks: z.array(z.object({ subtask: z.number(), ratio: num.optional(), busyRatio: num.optional() })).optional(),
});

const CheckpointSchema = z.object({
  id: z.number(), status: z.string().optional(), is_savepoint: z.boolean().optional(),
  trigger_timestamp: z.number().optional(), latest_ack_timestamp: z.number().optional(),
  end_to_end_duration: z.number().optional(), checkpointed_size: z.number().optional(), state_size: z.number().optional(),
  external_path: z.string().optional(), failure_message: z.string().optional(), failure_timestamp: z.number().optional(),
});
export const CheckpointsSchema = z.object({
  counts: z.object({ restored: z.number(), total: z.number(), in_progress: z.number(), completed: z.number(), failed: z.number() }),
  latest: z.object({
    completed: CheckpointSchema.nullable().optional(), savepoint: CheckpointSchema.nullable().optional(),
    failed: CheckpointSchema.nullable().optional(),
    restored: z.object({ id: z.number(), external_path: z.string().optional(), is_savepoint: z.boolean().optional() })
      .nullable().optional(),
  }),
  /** the newest checkpoints first; a failed one may carry the message the `latest` entry lacks */
  history: z.array(CheckpointSchema).optional(),
});
export type Checkpoints = z.infer<typeof CheckpointsSchema>;

const ExceptionEntrySchema = z.object({
  exceptionName: z.string(), stacktrace: z.string(), timestamp: z.number(),
  taskName: z.string().nullable().optional(), endpoint: z.string().nullable().optional(),
});
export const ExceptionsSchema = z.object({
  exceptionHistory: z.object({
    entries: z.array(ExceptionEntrySchema.extend({ concurrentExceptions: z.array(ExceptionEntrySchema).optional() })),
    truncated: z.boolean().optional(),
  }),
});
export type FlinkExceptionEntry = z.infer<typeof ExceptionEntrySchema>;

export const TriggerSchema = z.object({ "request-id": z.string() });
export const SavepointStatusSchema = z.object({
  status: z.object({ id: z.enum(["IN_PROGRESS", "COMPLETED"]) }),
  operation: z.object({
    location: z.string().optional(),
    "failure-cause": z.object({ class: z.string().optional(), "stack-trace": z.string().optional() }).optional(),
  }).nullable().optional(),
});
