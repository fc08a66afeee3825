// Environment: zod-validated once at start-up; refuses unsafe network exposure without an access secret.
import { z } from "zod";

const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

export const EnvSchema = z.object({
  STREAMCANVAS_HOST: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("127.0.0.1")),
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).default(3000)),
  STREAMCANVAS_DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("./data")),
  /** the folder filesystem sources and sinks are confined to; default: files/ in the data directory */
  STREAMCANVAS_DATA_ROOT: optional,
  STREAMCANVAS_ACCESS_SECRET: optional.pipe(z.string().min(12, "must be at least 12 characters").optional()),
  STREAMCANVAS_RUNNER_URL: optional.pipe(z.url().optional()),
  STREAMCANVAS_RUNNER_SECRET: optional,
  /** the REST address of a Flink session cluster that runs go to when they name no target (default: the embedded one) */
  STREAMCANVAS_FLINK_URL: optional.pipe(z.url().optional()),
  /** the key that seals connection secrets (32 bytes, base64 or hex); default: <data dir>/secret.key, made on first start */
  STREAMCANVAS_SECRET_KEY: optional,
  JAVA: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("java")),
  /** "1": UDF workers start without their own network namespace (the host cannot make one); the run panel says so */
  STREAMCANVAS_UDF_ALLOW_NETWORK: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
export const isLoopback = (host: string) => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Parses and checks an environment; throws EnvError with a message a user can act on. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = EnvSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`invalid environment:\n${lines.join("\n")}`);
  }
  const env = r.data;
  if (!isLoopback(env.STREAMCANVAS_HOST) && !env.STREAMCANVAS_ACCESS_SECRET) {
    throw new EnvError(
      `refusing to listen on ${env.STREAMCANVAS_HOST} without an access secret: anyone who can reach it could run jobs.\n` +
        `Set one, e.g.  STREAMCANVAS_ACCESS_SECRET=$(openssl rand -hex 24) STREAMCANVAS_HOST=${env.STREAMCANVAS_HOST} npm start\n` +
        `then open http://<host>:${env.PORT}/login?secret=<that secret> once in your browser.`,
    );
  }
  if (env.STREAMCANVAS_RUNNER_URL && !env.STREAMCANVAS_RUNNER_SECRET) {
    throw new EnvError("STREAMCANVAS_RUNNER_URL is set but STREAMCANVAS_RUNNER_SECRET is not: the runner needs its secret");
  }
  return env;
}

let cached: Env | undefined;
/** The process environment, parsed on first use and then kept. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
