// The IR contract (pipeline/fixtures/ir-contract.json, written by pipeline/contract.test.ts) held against the Java side,
// as PyFlink's completeness tests hold Python against Java: a function on one side only, with another arity, unknown to
// Flink, or typed differently by Flink than by the TypeScript checker fails here, naming it.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.expr.Functions;
import io.streamcanvas.runner.ir.Expr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.BuiltInFunctionDefinition;
import org.apache.flink.table.functions.BuiltInFunctionDefinitions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IrContractTest {
  static final Path CONTRACT = Path.of("../pipeline/fixtures/ir-contract.json");
  static final ObjectMapper JSON = new ObjectMapper();
  static JsonNode contract;

  @BeforeAll
  static void read() throws Exception {
    contract = JSON.readTree(CONTRACT.toFile());
  }

  @Test
  void theRunnersFunctionsAreTheContractsWithTheSameArity() {
    Map<String, Functions.Fn> declared = Functions.parse(contract);
    Set<String> onlyTs = new TreeSet<>(declared.keySet());
    onlyTs.removeAll(Functions.names());
    Set<String> onlyJava = new TreeSet<>(Functions.names());
    onlyJava.removeAll(declared.keySet());
    List<String> arity = new ArrayList<>();
    declared.forEach((name, fn) -> {
      Functions.Fn java = Functions.get(name);
      if (java != null && (java.minArgs() != fn.minArgs() || java.maxArgs() != fn.maxArgs())) {
        arity.add(name + ": TypeScript " + fn.minArgs() + ".." + fn.maxArgs() + ", runner " + java.minArgs() + ".." + java.maxArgs());
      }
    });
    assertEquals(Set.of(), onlyTs, "functions in the TypeScript catalogue the runner lacks (rebuild jvm-runner)");
    assertEquals(Set.of(), onlyJava, "functions the runner has that the TypeScript catalogue lacks");
    assertEquals(List.of(), arity, "functions whose arity differs");
  }

  @Test
  void everyFunctionIsOneOfFlinksBuiltIns() {
    Set<String> flink = BuiltInFunctionDefinitions.getDefinitions().stream().map(BuiltInFunctionDefinition::getName).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    for (JsonNode f : contract.path("functions")) {
      if (!flink.contains(f.path("builtin").asText())) unknown.add(f.path("name").asText() + " (" + f.path("builtin").asText() + ")");
    }
    assertEquals(List.of(), unknown, "catalogue functions that are not in Flink's BuiltInFunctionDefinitions");
  }

  /** Each example call, built by the runner over columns of the example's types: Flink's inferred type is the catalogue's. */
  @Test
  void flinkInfersTheTypesTheCatalogueDeclares() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (JsonNode f : contract.path("functions")) {
      for (JsonNode ex : f.path("examples")) {
        Schema.Builder schema = Schema.newBuilder();
        List<String> types = new ArrayList<>();
        for (JsonNode c : ex.path("columns")) {
          schema.column(c.path("name").asText(), FlinkTypes.parse(c.path("type").asText()));
          types.add(c.path("type").asText());
        }
        String call = f.path("name").asText() + "(" + String.join(", ", types) + ")";
        try {
          Table t = tEnv.from(TableDescriptor.forConnector("datagen").schema(schema.build()).build());
          Expr expr = JSON.treeToValue(ex.path("expr"), Expr.class);
          String got = t.select(ExpressionBuilder.build(expr)).getResolvedSchema().getColumnDataTypes().get(0).toString();
          if (!got.equals(ex.path("returns").asText())) wrong.add(call + ": catalogue " + ex.path("returns").asText() + ", Flink " + got);
        } catch (Exception e) {
          wrong.add(call + ": Flink refuses it: " + e.getMessage().lines().findFirst().orElse(""));
        }
        checked++;
      }
    }
    assertTrue(checked > 100, "too few examples: " + checked);
    assertEquals("", String.join("\n", wrong), wrong.size() + " of " + checked + " example calls disagree");
  }
}
