// The SQL half of the differential test: runs a printSql script statement by statement with executeSql on the
// MiniCluster and returns each collect sink's final rows, encoded as the runner encodes them.
package io.streamcanvas.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.job.RowEncoder;
import io.streamcanvas.runner.cluster.EmbeddedCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

final class SqlSide {
  record Result(Map<String, List<String>> rows, Map<String, List<String>> columns) {}

  private static final Pattern SET = Pattern.compile("SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("'path' = '((?:[^']|'')*)'");
  private static final Pattern COLLECT = Pattern.compile("-- collect (\"(?:[^\"\\\\]|\\\\.)*\")");

  private SqlSide() {}

  static Result run(String script, Path dataRoot, EmbeddedCluster cluster) throws Exception {
    Configuration conf = cluster.clientConfig();
    conf.setString("parallelism.default", "1");
    conf.setString("restart-strategy.type", "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), conf);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    Map<String, List<String>> rows = new TreeMap<>();
    Map<String, List<String>> columns = new TreeMap<>();
    for (SqlScript.Statement s : SqlScript.split(script)) {
      switch (s.keyword()) {
        case "SET" -> {
          Matcher m = SET.matcher(s.sql().strip());
          if (!m.matches()) throw new IllegalArgumentException("unreadable SET: " + s.sql());
          tEnv.getConfig().set(unquote(m.group(1)), unquote(m.group(2)));
        }
        case "CREATE" -> tEnv.executeSql(absolutePaths(s.sql(), dataRoot));
        case "EXECUTE" -> tEnv.executeSql(s.sql()).await(90, TimeUnit.SECONDS);
        case "SELECT" -> {
          Matcher m = COLLECT.matcher(s.comments());
          if (!m.find()) throw new IllegalArgumentException("a SELECT without its -- collect comment: " + s.sql());
          String sink = FixturesITCase.JSON.readValue(m.group(1), String.class);
          TableResult r = tEnv.executeSql(s.sql());
          List<Column> cols = r.getResolvedSchema().getColumns();
          columns.put(sink, cols.stream().map(Column::getName).toList());
          rows.put(sink, finalRows(r, cols.stream().map(c -> c.getDataType().getLogicalType()).toList()));
        }
        default -> throw new IllegalArgumentException("unexpected statement in a printSql script: " + s.sql());
      }
    }
    return new Result(rows, columns);
  }

  /** The changelog applied: +I/+U add a row, -U/-D remove an equal one; sorted, as canonical JSON. */
  private static List<String> finalRows(TableResult r, List<LogicalType> types) throws Exception {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> it = r.collect()) {
      while (it.hasNext()) {
        Row row = it.next();
        String v = Jobs.canonical(RowEncoder.encode(row, types));
        if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) out.add(v);
        else if (!out.remove(v)) throw new AssertionError(row.getKind() + " of a row the SQL side does not hold: " + v);
      }
    }
    return out.stream().sorted().toList();
  }

  /** Relative 'path' options (golden fixtures print them as the pipeline has them) made absolute under the data root. */
  static String absolutePaths(String sql, Path root) {
    Matcher m = PATH.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String p = unquote(m.group(1));
      String abs = Path.of(p).isAbsolute() ? p : root.resolve(p).toString();
      m.appendReplacement(out, Matcher.quoteReplacement("'path' = '" + abs.replace("'", "''") + "'"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Relative paths of the program's filesystem sinks (absolute ones made relative to the root they are under). */
  static List<String> fileSinkPaths(String ir, Path root) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode s : FixturesITCase.JSON.readTree(ir).get("statements")) {
      if (!s.get("op").asText().equals("insertInto") || !s.get("descriptor").get("connector").asText().equals("filesystem")) continue;
      Path p = Path.of(s.get("descriptor").get("options").get("path").asText());
      out.add((p.isAbsolute() ? root.toRealPath().relativize(p) : p).toString());
    }
    return out;
  }

  /**
   * Why two runs of the program need not give the same rows, or "" when they must: random datagen columns, or a
   * processing-time attribute (window bounds and arrival order follow the wall clock).
   */
  static String nondeterminism(String ir) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode s : FixturesITCase.JSON.readTree(ir).get("statements")) {
      if (s.hasNonNull("proctime") || (s.has("descriptor") && s.get("descriptor").hasNonNull("proctime"))) {
        out.add("processing time on " + s.get("table").asText());
      }
      if (!s.get("op").asText().equals("from") || !s.get("descriptor").get("connector").asText().equals("datagen")) continue;
      JsonNode options = s.get("descriptor").get("options");
      for (JsonNode c : s.get("descriptor").get("schema")) {
        JsonNode kind = options.get("fields." + c.get("name").asText() + ".kind");
        if (kind == null || kind.asText().equals("random")) out.add("random column " + s.get("table").asText() + "." + c.get("name").asText());
      }
    }
    return String.join(", ", out);
  }

  /** "op table, …" of the program's TS UDF statements (udfMap, udfFilter, …), empty when it has none. */
  static String udfStatements(String ir) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode s : FixturesITCase.JSON.readTree(ir).get("statements")) {
      // a window's optional TS aggregate (window.udf) is a runner-registered function too
      if (s.get("op").asText().startsWith("udf") || s.hasNonNull("udf")) out.add(s.get("op").asText() + " " + s.path("table").asText());
    }
    return String.join(", ", out);
  }

  private static String unquote(String s) {
    return s.replace("''", "'");
  }
}
