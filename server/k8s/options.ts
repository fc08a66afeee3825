// What "Export for Kubernetes" asks besides the pipeline (CLI flags, the export dialog, tRPC input): mode, image, the
// Flink pods' resources, where state goes, the session cluster and the job jar's URL, the Secret holding connections.
import { z } from "zod";

export const K8S_MODES = ["application", "session"] as const;
export type K8sMode = (typeof K8S_MODES)[number];

/** A Kubernetes object name the operator can derive its Services from (a DNS-1035 label, kept short for suffixes). */
export const K8S_NAME = /^[a-z]([-a-z0-9]{0,43}[a-z0-9])?$/;
const name = z.string().regex(K8S_NAME, "must be lowercase letters, digits and '-', start with a letter, at most 45 characters");
/** Kubernetes quantities as the operator's `resource` takes them: memory "2048m" / "2g", cpu a number of cores. */
const memory = z.string().regex(/^[1-9][0-9]*(m|g|mb|gb|Mi|Gi)$/, "a size such as 2048m or 2g");
const cpu = z.number().positive().max(64);

export const K8sOptionsSchema = z.object({
  mode: z.enum(K8S_MODES).default("application"),
  /** metadata.name of the job's resource; default: the pipeline's name in kebab-case */
  name: name.optional(),
  namespace: name.optional(),
  /** the image built from the generated Dockerfile; default streamcanvas-<name>:<program hash> (session: streamcanvas-session:<Flink version>) */
  image: z.string().min(1).max(300).regex(/^[^\s]+$/, "an image reference has no spaces").optional(),
  /** session mode: the FlinkDeployment of the session cluster the job goes to */
  sessionCluster: name.default("streamcanvas-session"),
  /** session mode: where the operator downloads the pipeline's job jar from (it fetches https by default) */
  jarUri: z.url({ protocol: /^(https?|s3|s3a|s3p|gs|abfss?|hdfs|file|local)$/ }).optional(),
  /** a durable folder every Flink pod reaches (checkpoints/ and savepoints/ go under it), e.g. s3://bucket/streamcanvas */
  stateDir: z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/\S+$/, "a URI such as s3://bucket/path or file:///flink-data").default("file:///flink-data/streamcanvas"),
  /** the Kubernetes Secret whose connections.json holds the connections the pipeline names (never in the manifest) */
  connectionsSecret: name.default("streamcanvas-connections"),
  serviceAccount: name.default("flink"),
  jobManager: z.object({ memory: memory.default("1600m"), cpu: cpu.default(1) }).default({ memory: "1600m", cpu: 1 }),
  taskManager: z.object({ memory: memory.default("2048m"), cpu: cpu.default(1), slots: z.number().int().min(1).max(64).default(2) })
    .default({ memory: "2048m", cpu: 1, slots: 2 }),
  /** start UDF workers without their own network namespace where pods may not make one (README: Safety defaults) */
  udfAllowNetwork: z.boolean().default(false),
});
export type K8sOptions = z.infer<typeof K8sOptionsSchema>;
export type K8sOptionsInput = z.input<typeof K8sOptionsSchema>;

/** The pipeline's name as a Kubernetes name: lowercase, '-' for anything else, starting with a letter, ≤ 45 characters. */
export function k8sName(pipelineName: string): string {
  const s = pipelineName.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+/, "").slice(0, 45).replace(/-+$/, "");
  return s || "pipeline";
}
