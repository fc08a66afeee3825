// The whitelisted built-in functions, read from the IR contract (pipeline/fixtures/ir-contract.json, generated from the
// TypeScript catalogue): each IR name is the ApiExpression method or Expressions static of the same name, called here
// by reflection exactly as the Java printer writes it, so no second list of functions or arities exists in Java.
package io.streamcanvas.runner.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.ir.Expr;
import io.streamcanvas.runner.ir.IrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Expressions;

public final class Functions {
  /** The contract as a classpath resource (jvm-runner/pom.xml copies it into the jar). */
  public static final String CONTRACT = "/io/streamcanvas/runner/expr/ir-contract.json";

  /** kind: expr (an expression), unit (an enum constant's name), text (a Java String). */
  public record Param(String name, String kind, boolean variadic) {}

  /** java: method (on the first argument), static (of Expressions) or fold (a.f(b).f(c)); maxArgs -1 = variadic. */
  public record Fn(String ir, String java, List<String> javaLead, int minArgs, int maxArgs, List<Param> params) {
    Param paramAt(int i) {
      return params.get(Math.min(i, params.size() - 1));
    }
  }

  private static final Map<String, Fn> FUNCTIONS = parse(contract());

  private Functions() {}

  /** The contract resource (Aggregates reads its aggregates section). */
  static JsonNode contract() {
    try (InputStream in = Functions.class.getResourceAsStream(CONTRACT)) {
      if (in == null) throw new IllegalStateException("missing resource " + CONTRACT + " (built from pipeline/fixtures/ir-contract.json)");
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The functions section of a contract file. */
  public static Map<String, Fn> parse(JsonNode contract) {
    Map<String, Fn> out = new LinkedHashMap<>();
    for (JsonNode f : contract.path("functions")) {
      List<Param> params = new ArrayList<>();
      for (JsonNode p : f.path("params")) params.add(new Param(p.path("name").asText(), p.path("kind").asText(), p.path("variadic").asBoolean()));
      List<String> lead = new ArrayList<>();
      for (JsonNode l : f.path("javaLead")) lead.add(l.asText());
      String ir = f.path("ir").asText();
      out.put(ir, new Fn(ir, f.path("java").asText(), List.copyOf(lead), f.path("minArgs").asInt(), f.path("maxArgs").asInt(), List.copyOf(params)));
    }
    return Collections.unmodifiableMap(out);
  }

  public static Set<String> names() {
    return FUNCTIONS.keySet();
  }

  public static Fn get(String name) {
    return FUNCTIONS.get(name);
  }

  public static boolean isKnown(String name) {
    return FUNCTIONS.containsKey(name);
  }

  /** Builds the call `name(args)`; arguments of kind unit/text must be non-NULL string literals. */
  public static ApiExpression apply(String name, List<Expr> args) {
    Fn fn = FUNCTIONS.get(name);
    if (fn == null) {
      throw new IrException("unknown function \"" + name + "\"; allowed: " + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
    }
    checkArity(fn, args.size());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Param p = fn.paramAt(i);
      values.add(p.kind().equals("expr") ? ExpressionBuilder.build(args.get(i)) : word(fn, p, args.get(i)));
    }
    return JavaCalls.call(fn, values);
  }

  public static void checkArity(Fn fn, int n) {
    if (n < fn.minArgs() || (fn.maxArgs() >= 0 && n > fn.maxArgs())) {
      String expected = fn.maxArgs() < 0 ? "at least " + fn.minArgs() : fn.minArgs() == fn.maxArgs() ? String.valueOf(fn.minArgs()) : fn.minArgs() + ".." + fn.maxArgs();
      throw new IrException("function " + fn.ir() + " takes " + expected + " argument(s), got " + n);
    }
  }

  private static JavaCalls.Word word(Fn fn, Param p, Expr e) {
    if (!(e instanceof Expr.Lit l) || l.isNull() || !l.value().isTextual()) {
      throw new IrException("function " + fn.ir() + " needs a string literal as its " + p.name());
    }
    return new JavaCalls.Word(l.value().textValue());
  }

  /** For IrContractTest: the Expressions class the statics live in. */
  static Class<?> staticsClass() {
    return Expressions.class;
  }
}
