// IrContractTest's function checks: the runner's Functions (read from the contract resource in the jar) against the
// contract file's functions section, each function against Flink's BuiltInFunctionDefinitions, and each typing (an
// example call with the type the TypeScript checker infers) against the type Flink infers for the runner's call.
package io.streamcanvas.runner.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.expr.Aggregates;
import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.expr.Functions;
import io.streamcanvas.runner.ir.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.BuiltInFunctionDefinition;
import org.apache.flink.table.functions.BuiltInFunctionDefinitions;

final class FunctionContract {
  static final String TS = "pipeline/expr/functions (TypeScript)";

  private FunctionContract() {}

  /** A function on one side only, with another arity, or not one of Flink's built-ins. */
  static List<String> problems(JsonNode contract) {
    List<String> out = new ArrayList<>();
    Map<String, Functions.Fn> declared = Functions.parse(contract);
    for (String f : new TreeSet<>(declared.keySet())) {
      Functions.Fn java = Functions.get(f);
      if (java == null) out.add("function \"" + f + "\" is in " + TS + " but not in the runner's Functions (rebuild jvm-runner)");
      else if (java.minArgs() != declared.get(f).minArgs() || java.maxArgs() != declared.get(f).maxArgs()) {
        out.add("function \"" + f + "\" takes " + arity(declared.get(f)) + " argument(s) in " + TS + " but " + arity(java) + " in the runner");
      }
    }
    for (String f : new TreeSet<>(Functions.names())) {
      if (!declared.containsKey(f)) out.add("function \"" + f + "\" is in the runner's Functions but not in " + TS);
    }
    Set<String> aggregates = Aggregates.parse(contract).keySet();
    for (String a : new TreeSet<>(aggregates)) if (!Aggregates.names().contains(a)) out.add("aggregate \"" + a + "\" is in " + TS + " but not in the runner's Aggregates");
    for (String a : Aggregates.names()) if (!aggregates.contains(a)) out.add("aggregate \"" + a + "\" is in the runner's Aggregates but not in " + TS);
    Set<String> flink = BuiltInFunctionDefinitions.getDefinitions().stream().map(BuiltInFunctionDefinition::getName).collect(Collectors.toSet());
    for (String section : List.of("functions", "aggregates")) {
      for (JsonNode f : contract.path(section)) {
        String kind = section.equals("functions") ? "function" : "aggregate";
        // null: the method builds a literal, not a call (lit(5).minutes()); its examples' typings still run through Flink
        if (kind.equals("function") && f.path("builtin").isNull()) continue;
        String builtin = f.path("builtin").asText();
        if (!flink.contains(builtin)) out.add(kind + " \"" + f.path("ir").asText() + "\": \"" + builtin + "\" is not in Flink's BuiltInFunctionDefinitions");
      }
    }
    return out;
  }

  private static String arity(Functions.Fn f) {
    return f.maxArgs() < 0 ? f.minArgs() + "+" : f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs()) : f.minArgs() + ".." + f.maxArgs();
  }

  /** Each aggregate typing whose aggregate ($(c).<methods>(), grouped by k or over the whole table) Flink types otherwise. */
  static List<String> aggregateTypingProblems(JsonNode typings) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    List<String> wrong = new ArrayList<>();
    for (JsonNode ex : typings) {
      boolean grouped = ex.path("grouped").asBoolean();
      String call = ex.path("fn").asText() + "(" + ex.path("column").asText() + ")" + (grouped ? " per group" : " over the input");
      try {
        Schema schema = Schema.newBuilder().column("k", FlinkTypes.parse("INT")).column("c", FlinkTypes.parse(ex.path("column").asText())).build();
        Table t = tEnv.from(TableDescriptor.forConnector("datagen").schema(schema).build());
        ApiExpression agg = Aggregates.apply(ex.path("fn").asText(), $("c"));
        String got = (grouped ? t.groupBy($("k")).select(agg) : t.select(agg)).getResolvedSchema().getColumnDataTypes().get(0).toString();
        if (!got.equals(ex.path("returns").asText())) wrong.add(call + ": catalogue " + ex.path("returns").asText() + ", Flink " + got);
      } catch (Exception e) {
        wrong.add(call + ": Flink refuses it: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
    return wrong;
  }

  /** Each typing whose call Flink refuses or types otherwise, as "CALL: catalogue T, Flink U". */
  static List<String> typingProblems(JsonNode typings) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    ObjectMapper json = new ObjectMapper();
    List<String> wrong = new ArrayList<>();
    for (JsonNode ex : typings) {
      String call = ex.path("name").asText();
      try {
        Schema.Builder schema = Schema.newBuilder();
        ex.path("columns").forEach(c -> schema.column(c.path("name").asText(), FlinkTypes.parse(c.path("type").asText())));
        Expr expr = json.treeToValue(ex.path("expr"), Expr.class);
        String got = tEnv.from(TableDescriptor.forConnector("datagen").schema(schema.build()).build())
            .select(ExpressionBuilder.build(expr)).getResolvedSchema().getColumnDataTypes().get(0).toString();
        if (!got.equals(ex.path("returns").asText())) wrong.add(call + ": catalogue " + ex.path("returns").asText() + ", Flink " + got);
      } catch (Exception e) {
        wrong.add(call + ": Flink refuses it: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
    return wrong;
  }
}
