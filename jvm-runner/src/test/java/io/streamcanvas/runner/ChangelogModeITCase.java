// Holds StreamCanvas's changelog-mode inference to Flink's planner: every golden fixture's IR is translated and each
// node's table explained with ExplainDetail.CHANGELOG_MODE; the root's mode (I only = insert-only, anything with
// UB/UA/D = updating) must equal what pipeline/changelog.test.ts wrote to pipeline/fixtures/changelog-modes.json.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class ChangelogModeITCase {
  static final Path FIXTURES = Path.of("../pipeline/fixtures");
  private static final Pattern MODE = Pattern.compile("changelogMode=\\[([A-Z,]+)]");

  /** A connection that is never dialled: planning does not connect. */
  static final Map<String, Connection> OFFLINE = Map.of("orders-kafka", new Connection("kafka", Map.of("bootstrap.servers", "127.0.0.1:9")),
      "shop-db", new Connection("postgres", Map.of("url", "jdbc:postgresql://127.0.0.1:9/shop")));

  @Test
  void every_fixture_nodes_changelog_mode_is_the_one_flinks_planner_infers() throws Exception {
    JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("changelog-modes.json").toFile());
    List<String> wrong = new ArrayList<>();
    for (var c : (Iterable<Map.Entry<String, JsonNode>>) expected::fields) {
      Map<String, String> flink = flinkModes(c.getKey(), c.getValue());
      c.getValue().fields().forEachRemaining(n -> {
        String got = flink.get(n.getKey());
        if (!n.getValue().asText().equals(got)) {
          wrong.add(c.getKey() + " / " + n.getKey() + ": StreamCanvas infers " + n.getValue().asText() + ", Flink says " + got);
        }
      });
    }
    assertEquals(List.of(), wrong);
  }

  /** Each listed node's mode as Flink plans the fixture's table of that name. */
  static Map<String, String> flinkModes(String fixture, JsonNode nodes) throws Exception {
    TableProgram program = IrReader.read(Files.readString(FIXTURES.resolve(fixture + ".ir.json")));
    Configuration conf = new Configuration();
    program.config().forEach(conf::setString);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    ProgramContext ctx = new ProgramContext(env, tEnv, SharedCluster.submitter().dataRoot(), OFFLINE);
    for (Statement s : program.statements()) Translators.translate(s, ctx);
    Map<String, String> out = new TreeMap<>();
    nodes.fieldNames().forEachRemaining(node -> {
      String plan = ctx.table(node).explain(ExplainDetail.CHANGELOG_MODE);
      String physical = plan.substring(plan.indexOf("== Optimized Physical Plan =="));
      Matcher m = MODE.matcher(physical);
      out.put(node, !m.find() ? "no mode in plan" : m.group(1).equals("I") ? "insert-only" : "updating");
    });
    return out;
  }
}
