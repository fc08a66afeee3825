// Application-mode entry point (Flink Kubernetes Operator, `flink run`): executes ONE TableProgram file through the
// runner's own translators on whatever cluster Flink's context environment points at; no control API, no MiniCluster.
package io.streamcanvas.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.files.ConfinedFileSystem;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.job.JobErrors;
import io.streamcanvas.runner.job.JobSubmitter;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

public final class RunProgram {
  /** Where a pipeline's job jar (written by `streamcanvas k8s`) carries its program when --program is not given. */
  public static final String PROGRAM_RESOURCE = "streamcanvas/program.json";
  static final String USAGE = "usage: RunProgram [--program FILE] [--connections FILE] [--data-root DIR (default: $STREAMCANVAS_FLINK_DATA_ROOT)]";

  private RunProgram() {}

  public static void main(String[] args) throws Exception {
    String program = null;
    String connections = null;
    String fromEnv = System.getenv(ConfinedFileSystem.DATA_ROOT_ENV);
    DataRoot dataRoot = fromEnv == null || fromEnv.isBlank() ? DataRoot.NONE : DataRoot.of(Path.of(fromEnv));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--program" -> program = value(args, ++i);
        case "--connections" -> connections = value(args, ++i);
        case "--data-root" -> dataRoot = DataRoot.of(Path.of(value(args, ++i)));
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
      }
    }
    TableProgram p = IrReader.read(program == null ? resource() : Files.readString(Path.of(program)));
    Map<String, Connection> conns = connections == null ? Map.of()
        : Connection.read(new ObjectMapper().readTree(Files.readString(Path.of(connections))));
    run(p, conns, dataRoot, StreamExecutionEnvironment.getExecutionEnvironment());
  }

  /**
   * Translates `program` onto `env` and executes it (blocking when the context is attached). A collect sink has no
   * StreamCanvas to return rows to here, so its changelog is printed to the TaskManager's stdout as `sink> +I[…]`,
   * as the printed Java program does.
   */
  public static void run(TableProgram program, Map<String, Connection> connections, DataRoot dataRoot,
      StreamExecutionEnvironment env) throws Exception {
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    program.config().forEach((k, v) -> tEnv.getConfig().set(k, v));
    ProgramContext ctx = new ProgramContext(env, tEnv, dataRoot, connections, JobSubmitter.transactionalIdBase(program));
    List<Statement> statements = program.statements();
    boolean inserts = false;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      try {
        if (s instanceof Statement.Collect c) {
          ctx.addInsert(c.sink());
          tEnv.toChangelogStream(ctx.table(c.input())).print(c.sink()).name("Print: " + c.sink());
        } else {
          Translators.translate(s, ctx);
          inserts |= s instanceof Statement.InsertInto;
        }
      } catch (RuntimeException e) {
        String msg = e instanceof IrException ? e.getMessage() : JobErrors.message(e);
        throw new IrException("statement " + i + " (" + s.op() + " \"" + s.node() + "\"): " + msg, e);
      }
    }
    if (inserts) ctx.statementSet().attachAsDataStream();
    env.execute(program.name());
  }

  private static String resource() throws IOException {
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PROGRAM_RESOURCE)) {
      if (in == null) throw new IllegalArgumentException("no --program given and no " + PROGRAM_RESOURCE + " on the classpath\n" + USAGE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
    return args[i];
  }
}
