// The Flink Kubernetes Operator resources for one pipeline: a FlinkDeployment running it in application mode, or a
// session cluster (FlinkDeployment without a job) plus a FlinkSessionJob; run settings become Flink options.
import { type RunSettings, runSettingsToFlink } from "@/pipeline/run-settings";
import type { K8sOptions } from "./options";
import type { Yaml } from "./yaml";

/** Where the generated image keeps things (Dockerfile and manifests agree through these). */
export const IN_IMAGE = {
  lib: "/opt/flink/lib",
  usrlib: "/opt/flink/usrlib",
  data: "/opt/streamcanvas/data",
  connections: "/opt/streamcanvas/connections",
} as const;
export const ENTRY_CLASS = "io.streamcanvas.runner.RunProgram";
export const CONNECTIONS_FILE = "connections.json";
export const API_VERSION = "flink.apache.org/v1beta1";

export type ManifestInput = {
  name: string; image: string; flinkVersion: string; settings: RunSettings; options: K8sOptions;
  /** the pipeline names connections: the JobManager mounts the Secret and RunProgram reads it */
  usesConnections: boolean;
};

/** "2.3.0" → "v2_3", the operator's flinkVersion enum. */
export const operatorFlinkVersion = (v: string) => `v${v.split(".").slice(0, 2).join("_")}`;

const metadata = (name: string, o: K8sOptions) => ({
  name, ...(o.namespace ? { namespace: o.namespace } : {}), labels: { "app.kubernetes.io/part-of": "streamcanvas" },
});

/** Job-level options: the run settings (parallelism is the job's own field), state locations per pipeline. */
function jobConfiguration(m: ManifestInput): Record<string, string> {
  const { "parallelism.default": _, ...flink } = runSettingsToFlink(m.settings);
  return {
    ...flink,
    "execution.checkpointing.storage": "filesystem",
    "execution.checkpointing.dir": `${m.options.stateDir.replace(/\/$/, "")}/checkpoints/${m.name}`,
    "execution.checkpointing.savepoint-dir": `${m.options.stateDir.replace(/\/$/, "")}/savepoints/${m.name}`,
  };
}

/** Cluster-level options: slots per TaskManager, the UDF sandbox opt-out if asked. */
function clusterConfiguration(o: K8sOptions): Record<string, string> {
  return {
    "taskmanager.numberOfTaskSlots": String(o.taskManager.slots),
    ...(o.udfAllowNetwork ? { "containerized.taskmanager.env.STREAMCANVAS_UDF_ALLOW_NETWORK": "1" } : {}),
  };
}

/** The JobManager's pod template mounting the connections Secret read-only (only RunProgram, on the JobManager, reads it). */
function secretMount(o: K8sOptions): Yaml {
  const volume = "streamcanvas-connections";
  return {
    spec: {
      containers: [{ name: "flink-main-container", volumeMounts: [{ name: volume, mountPath: IN_IMAGE.connections, readOnly: true }] }],
      volumes: [{ name: volume, secret: { secretName: o.connectionsSecret, items: [{ key: CONNECTIONS_FILE, path: CONNECTIONS_FILE }] } }],
    },
  };
}

function clusterSpec(m: ManifestInput, config: Record<string, string>): Record<string, Yaml> {
  const o = m.options;
  return {
    image: m.image,
    flinkVersion: operatorFlinkVersion(m.flinkVersion),
    serviceAccount: o.serviceAccount,
    flinkConfiguration: config,
    jobManager: {
      resource: { memory: o.jobManager.memory, cpu: o.jobManager.cpu },
      ...(m.usesConnections ? { podTemplate: secretMount(o) } : {}),
    },
    taskManager: { resource: { memory: o.taskManager.memory, cpu: o.taskManager.cpu } },
  };
}

function job(m: ManifestInput, jarURI: string): Yaml {
  return {
    jarURI,
    entryClass: ENTRY_CLASS,
    args: m.usesConnections ? ["--connections", `${IN_IMAGE.connections}/${CONNECTIONS_FILE}`] : [],
    parallelism: m.settings.parallelism,
    upgradeMode: "savepoint",
    state: "running",
  };
}

/** Application mode: one FlinkDeployment whose job is the pipeline's jar inside the image. */
export function applicationDeployment(m: ManifestInput): Yaml {
  return {
    apiVersion: API_VERSION,
    kind: "FlinkDeployment",
    metadata: metadata(m.name, m.options),
    spec: {
      ...clusterSpec(m, { ...clusterConfiguration(m.options), ...jobConfiguration(m) }),
      job: job(m, `local://${IN_IMAGE.usrlib}/${m.name}.jar`),
    },
  };
}

/** Session mode: the session cluster (no job; shared by pipelines) and the pipeline's FlinkSessionJob on it. */
export function sessionResources(m: ManifestInput, jarUri: string): { cluster: Yaml; job: Yaml } {
  return {
    cluster: {
      apiVersion: API_VERSION,
      kind: "FlinkDeployment",
      metadata: metadata(m.options.sessionCluster, m.options),
      spec: clusterSpec(m, clusterConfiguration(m.options)),
    },
    job: {
      apiVersion: API_VERSION,
      kind: "FlinkSessionJob",
      metadata: metadata(m.name, m.options),
      spec: { deploymentName: m.options.sessionCluster, flinkConfiguration: jobConfiguration(m), job: job(m, jarUri) },
    },
  };
}
