// The runner's control API (jvm-runner/API.md): JSON over HTTP on loopback, every request authenticated by the secret.
package io.streamcanvas.runner.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class ControlServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** Thrown by routes to answer with an error status and {"error":{message, …}}. */
  static final class HttpError extends Exception {
    final int status;
    final ObjectNode error;

    HttpError(int status, String message) {
      this(status, JSON.createObjectNode().put("message", message));
    }

    HttpError(int status, ObjectNode error) {
      super(error.path("message").asText());
      this.status = status;
      this.error = error;
    }
  }

  /** Stack of each control-API thread, which plans and submits jobs. */
  static final long PLANNER_STACK_BYTES = 1L << 30;

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] secret;
  private final Routes routes;

  public ControlServer(int port, String secret, Routes routes) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.routes = routes;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // Flink's planner and Calcite recurse once per operator of a program: a deep pipeline (a chain of thousands of
    // nodes) needs far more than the default 1 MB stack. The stack is reserved, not committed, so this costs nothing.
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(null, r, "control-api", PLANNER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      int status;
      JsonNode body;
      try {
        if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
          throw new HttpError(401, "missing or wrong Authorization: Bearer <secret>");
        }
        body = routes.handle(ex.getRequestMethod(), ex.getRequestURI().getPath(), readBody(ex));
        status = 200;
      } catch (HttpError e) {
        status = e.status;
        body = JSON.createObjectNode().set("error", e.error);
      } catch (StackOverflowError e) {
        // Left uncaught it would reach Flink's fatal-error handler and take down every running job with the runner.
        LOG.warn("{} {} overflowed the planner's stack", ex.getRequestMethod(), ex.getRequestURI().getPath());
        status = 422;
        body = JSON.createObjectNode().set("error", JSON.createObjectNode().put("message",
            "the pipeline is too deep for Flink's planner (stack of " + (PLANNER_STACK_BYTES >> 20) + " MB exhausted);"
                + " merge chains of steps into fewer nodes"));
      } catch (Exception | LinkageError | AssertionError | OutOfMemoryError e) {
        // an Error left to the HTTP server would close the connection with no answer and no log line
        LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
        status = 500;
        body = JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", String.valueOf(e.getMessage())));
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  /** Constant-time comparison, so the secret cannot be guessed byte by byte from response times. */
  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) return false;
    byte[] given = header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, secret);
  }

  private static JsonNode readBody(HttpExchange ex) throws IOException, HttpError {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) throw new HttpError(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
      if (bytes.length == 0) return null;
      try {
        return JSON.readTree(bytes);
      } catch (JsonProcessingException e) {
        throw new HttpError(400, "request body is not JSON: " + e.getOriginalMessage());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
