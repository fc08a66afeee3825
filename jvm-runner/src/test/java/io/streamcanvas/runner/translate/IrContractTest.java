// Holds the runner's mirrors of the IR (Statement records, Translators, connector allow-lists, Functions) to the contract
// the TypeScript side writes (pipeline/fixtures/ir-contract.json, by pipeline/ir/contract.test.ts), as PyFlink's
// completeness tests hold the Python API to Java's: an op, connector or function added on one side only fails here, named;
// and Flink itself must type every catalogue typing (pipeline/fixtures/function-cases.json) as the TypeScript checker does.
package io.streamcanvas.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.ir.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IrContractTest {
  static final Path CONTRACT = Path.of("../pipeline/fixtures/ir-contract.json");
  static final Path FUNCTION_CASES = Path.of("../pipeline/fixtures/function-cases.json");
  static final String TS = "pipeline/ir (TypeScript)";

  static JsonNode contract() throws Exception {
    return new ObjectMapper().readTree(Files.readString(CONTRACT));
  }

  @Test
  void javaMirrorsTheContract() throws Exception {
    List<String> problems = problems(contract());
    assertTrue(problems.isEmpty(), "the runner and " + CONTRACT + " disagree:\n  " + String.join("\n  ", problems));
  }

  @Test
  void namesWhatIsMissingOnWhichSide() throws Exception {
    ObjectNode c = (ObjectNode) contract();
    ObjectNode ops = (ObjectNode) c.get("ops");
    ops.remove("distinct");
    ops.putArray("pivot").add("input").add("table");
    ((ArrayNode) ops.get("filter")).add("limit");
    ObjectNode connectors = (ObjectNode) c.get("connectors");
    connectors.putObject("mysql-cdc").putNull("options");
    ArrayNode fsOptions = (ArrayNode) connectors.get("filesystem").get("options");
    for (int i = 0; i < fsOptions.size(); i++) if (fsOptions.get(i).asText().equals("csv.allow-comments")) fsOptions.remove(i);
    ArrayNode functions = (ArrayNode) c.get("functions");
    for (int i = 0; i < functions.size(); i++) {
      ObjectNode f = (ObjectNode) functions.get(i);
      if (f.get("ir").asText().equals("like")) functions.remove(i--);
      else if (f.get("ir").asText().equals("substring")) f.put("maxArgs", 4);
    }
    functions.addObject().put("ir", "levenshtein").put("builtin", "LEVENSHTEIN").put("minArgs", 2).put("maxArgs", 2);
    assertEquals(Set.of(
        "op \"distinct\" is in Statement.java but not in " + TS,
        "op \"pivot\" is in " + TS + " but has no record in Statement.java",
        "op \"pivot\" is in " + TS + " but has no translator in Translators.java",
        "op \"filter\": field \"limit\" is in " + TS + " but not in Statement.Filter",
        "connector \"mysql-cdc\" is in " + TS + " but not in Descriptors.CONNECTORS",
        "connector \"filesystem\": option \"csv.allow-comments\" is allowed by the runner but not in " + TS,
        "function \"like\" is in the runner's Functions but not in " + FunctionContract.TS,
        "function \"substring\" takes 2..4 argument(s) in " + FunctionContract.TS + " but 2..3 in the runner",
        "function \"levenshtein\" is in " + FunctionContract.TS + " but not in the runner's Functions (rebuild jvm-runner)",
        "function \"levenshtein\": \"LEVENSHTEIN\" is not in Flink's BuiltInFunctionDefinitions"),
        Set.copyOf(problems(c)));
  }

  /** Each catalogue typing, built by the runner over columns of its types: Flink infers the type the checker does. */
  @Test
  void flinkTypesEveryFunctionAsTheCatalogueDeclares() throws Exception {
    JsonNode typings = new ObjectMapper().readTree(Files.readString(FUNCTION_CASES)).get("typings");
    assertTrue(typings.size() > 100, "too few typings: " + typings.size());
    List<String> wrong = FunctionContract.typingProblems(typings);
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + typings.size() + " typings disagree with Flink:\n  " + String.join("\n  ", wrong));
  }

  @Test
  void flinkTypesEveryAggregateAsTheCatalogueDeclares() throws Exception {
    JsonNode typings = new ObjectMapper().readTree(Files.readString(FUNCTION_CASES)).get("aggregateTypings");
    assertTrue(typings.size() > 30, "too few aggregate typings: " + typings.size());
    List<String> wrong = FunctionContract.aggregateTypingProblems(typings);
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + typings.size() + " aggregate typings disagree with Flink:\n  " + String.join("\n  ", wrong));
  }

  /** Every disagreement between the contract and the runner, each naming the op / connector and the side lacking it. */
  static List<String> problems(JsonNode contract) {
    List<String> out = new ArrayList<>();
    Map<String, Class<?>> records = new TreeMap<>();
    for (Class<?> c : Statement.class.getPermittedSubclasses()) records.put(Statement.opOf(c), c);
    Set<Class<?>> readable = new java.util.HashSet<>();
    for (JsonSubTypes.Type t : Statement.class.getAnnotation(JsonSubTypes.class).value()) readable.add(t.value());
    JsonNode ops = contract.get("ops");
    for (String op : records.keySet()) {
      if (!ops.has(op)) out.add("op \"" + op + "\" is in Statement.java but not in " + TS);
      if (!readable.contains(records.get(op))) out.add("op \"" + op + "\": Statement." + records.get(op).getSimpleName() + " is not in @JsonSubTypes");
    }
    for (String op : names(ops)) {
      Class<?> record = records.get(op);
      if (record == null) out.add("op \"" + op + "\" is in " + TS + " but has no record in Statement.java");
      if (!Translators.ops().contains(op)) out.add("op \"" + op + "\" is in " + TS + " but has no translator in Translators.java");
      if (record != null) fields(op, record, ops.get(op), out);
    }
    for (String op : records.keySet()) {
      if (!ops.has(op) && !Translators.ops().contains(op)) out.add("op \"" + op + "\" has a record but no translator in Translators.java");
    }
    connectors(contract.get("connectors"), out);
    out.addAll(FunctionContract.problems(contract));
    return out;
  }

  private static void fields(String op, Class<?> record, JsonNode contractFields, List<String> out) {
    Set<String> java = new TreeSet<>();
    Arrays.stream(record.getRecordComponents()).forEach(c -> java.add(c.getName()));
    Set<String> ts = new TreeSet<>();
    contractFields.forEach(f -> ts.add(f.asText()));
    for (String f : ts) {
      if (!java.contains(f)) out.add("op \"" + op + "\": field \"" + f + "\" is in " + TS + " but not in Statement." + record.getSimpleName());
    }
    for (String f : java) {
      if (!ts.contains(f)) out.add("op \"" + op + "\": field \"" + f + "\" is in Statement." + record.getSimpleName() + " but not in " + TS);
    }
  }

  private static void connectors(JsonNode contract, List<String> out) {
    for (String c : new TreeSet<>(Descriptors.CONNECTORS)) {
      if (!contract.has(c)) out.add("connector \"" + c + "\" is in Descriptors.CONNECTORS but not in " + TS);
    }
    for (String c : names(contract)) {
      if (!Descriptors.CONNECTORS.contains(c)) {
        out.add("connector \"" + c + "\" is in " + TS + " but not in Descriptors.CONNECTORS");
        continue;
      }
      JsonNode options = contract.get(c).get("options");
      Set<String> java = Descriptors.CHECKED_OPTIONS.get(c);
      if (options.isNull() != (java == null)) {
        out.add("connector \"" + c + "\": " + (java == null ? "the runner passes its options unchecked but " + TS + " lists them"
            : "the runner checks its options but " + TS + " lists none"));
        continue;
      }
      if (java == null) continue;
      Set<String> ts = new TreeSet<>();
      options.forEach(o -> ts.add(o.asText()));
      for (String o : ts) {
        if (!java.contains(o)) out.add("connector \"" + c + "\": option \"" + o + "\" is in " + TS + " but the runner refuses it");
      }
      for (String o : new TreeSet<>(java)) {
        if (!ts.contains(o)) out.add("connector \"" + c + "\": option \"" + o + "\" is allowed by the runner but not in " + TS);
      }
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) out.add(it.next());
    return out;
  }
}
