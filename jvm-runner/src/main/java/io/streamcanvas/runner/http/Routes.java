// Routes of the control API: health, submit, list, inspect and cancel jobs, a job's UDF log lines; Kafka looks in
// KafkaRoutes (sample, offsets) and KafkaAdminRoutes (test, topics).
package io.streamcanvas.runner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.cluster.RemoteTarget;
import io.streamcanvas.runner.http.ControlServer.HttpError;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.job.JobErrors;
import io.streamcanvas.runner.job.JobRegistry;
import io.streamcanvas.runner.job.JobSubmitter;
import io.streamcanvas.runner.job.RunningJob;
import io.streamcanvas.runner.job.Secrets;
import io.streamcanvas.runner.job.SubmissionException;
import io.streamcanvas.runner.kafka.KafkaAdminRoutes;
import io.streamcanvas.runner.udf.UdfLogs;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  private static final Pattern JOB = Pattern.compile("^/jobs/([0-9a-fA-F]{32})(/cancel|/logs)?$");

  private final JobRegistry registry;
  private final JobSubmitter submitter;
  private final Supplier<ObjectNode> health;

  public Routes(JobRegistry registry, JobSubmitter submitter, Supplier<ObjectNode> health) {
    this.registry = registry;
    this.submitter = submitter;
    this.health = health;
  }

  JsonNode handle(String method, String path, JsonNode body) throws Exception {
    if (path.equals("/health")) return expect("GET", method, path, health.get());
    JsonNode kafka = KafkaRoutes.handle(method, path, body);
    if (kafka != null) return kafka;
    if (path.equals("/jobs")) {
      if (method.equals("POST")) return submit(body);
      return expect("GET", method, path, listJobs());
    }
    if (path.equals("/kafka/test") || path.equals("/kafka/topics")) return kafka(method, path, body);
    if (path.equals("/postgres/test") || path.equals("/postgres/tables")) return postgres(method, path, body);
    Matcher m = JOB.matcher(path);
    if (!m.matches()) throw new HttpError(404, "no route " + path);
    RunningJob job = registry.get(m.group(1).toLowerCase());
    if (job == null) throw new HttpError(404, "unknown job " + m.group(1));
    if (m.group(2) == null) return expect("GET", method, path, job.toJson(true));
    if (m.group(2).equals("/logs")) return expect("GET", method, path, UdfLogs.toJson(job.jobId()));
    if (!method.equals("POST")) throw new HttpError(405, "use POST " + path);
    job.cancel();
    return job.toJson(true);
  }

  /** Kafka admin for the Connections page (Test, topic listing): secrets scrubbed from every message. */
  private static JsonNode kafka(String method, String path, JsonNode body) throws HttpError {
    if (!method.equals("POST")) throw new HttpError(405, "use POST " + path);
    ObjectNode out = ControlServer.JSON.createObjectNode();
    try {
      KafkaAdminRoutes.handle(path, body, out);
    } catch (KafkaAdminRoutes.KafkaAdminError e) {
      throw new HttpError(400, e.getMessage());
    }
    return out;
  }

  /** PostgreSQL Test for the Connections page: the password scrubbed from every message. */
  private static JsonNode postgres(String method, String path, JsonNode body) throws HttpError {
    if (!method.equals("POST")) throw new HttpError(405, "use POST " + path);
    ObjectNode out = ControlServer.JSON.createObjectNode();
    try {
      io.streamcanvas.runner.jdbc.PostgresAdminRoutes.handle(path, body, out);
    } catch (KafkaAdminRoutes.KafkaAdminError e) {
      throw new HttpError(400, e.getMessage());
    }
    return out;
  }

  private static JsonNode expect(String wanted, String method, String path, JsonNode answer) throws HttpError {
    if (!wanted.equals(method)) throw new HttpError(405, "use " + wanted + " " + path);
    return answer;
  }

  private JsonNode listJobs() {
    ObjectNode out = ControlServer.JSON.createObjectNode();
    ArrayNode list = out.putArray("jobs");
    for (RunningJob j : registry.all()) list.add(j.toJson(false));
    return out;
  }

  private JsonNode submit(JsonNode body) throws HttpError {
    if (body == null || !body.isObject()) throw new HttpError(400, "expected {\"program\": TableProgram, \"connections\"?: {…}}");
    long t0 = System.nanoTime();
    try {
      TableProgram program = IrReader.read(body.get("program"));
      RunningJob job = submitter.submit(program, Connection.read(body.get("connections")), RemoteTarget.read(body.get("target")));
      registry.add(job);
      LOG.info("submitted job {} \"{}\" in {} ms", job.jobId(), program.name(), (System.nanoTime() - t0) / 1_000_000);
      return ControlServer.JSON.createObjectNode().put("jobId", job.jobId());
    } catch (IrException e) {
      throw new HttpError(400, error(e.getMessage(), e.getCause() == null ? e.getMessage() : JobErrors.rootCause(e.getCause()), null));
    } catch (SubmissionException e) {
      throw new HttpError(400, error(e.getMessage(), e.rootCause(), e.node()));
    }
  }

  private static ObjectNode error(String message, String cause, String node) {
    ObjectNode e = ControlServer.JSON.createObjectNode().put("message", Secrets.scrub(message)).put("cause", Secrets.scrub(cause));
    if (node != null) e.put("node", node);
    return e;
  }
}
