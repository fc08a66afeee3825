// The aggregate functions of groupBy and window statements, read from the IR contract's aggregates section (generated
// from pipeline/expr/functions/aggregates.ts): the ApiExpression methods a group aggregate calls, the SQL a window writes.
package io.streamcanvas.runner.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamcanvas.runner.ir.IrException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.ApiExpression;

public final class Aggregates {
  /** java: ApiExpression methods called in turn on the column ($(c).count().distinct()); sql: NAME([DISTINCT] c). */
  public record Agg(String ir, List<String> java, String sql, boolean distinct) {}

  private static final Map<String, Agg> AGGREGATES = parse(Functions.contract());

  private Aggregates() {}

  public static Map<String, Agg> parse(JsonNode contract) {
    Map<String, Agg> out = new LinkedHashMap<>();
    for (JsonNode a : contract.path("aggregates")) {
      List<String> java = new ArrayList<>();
      a.path("java").forEach(m -> java.add(m.asText()));
      out.put(a.path("ir").asText(), new Agg(a.path("ir").asText(), List.copyOf(java), a.path("sql").asText(), a.path("distinct").asBoolean()));
    }
    return Collections.unmodifiableMap(out);
  }

  public static List<String> names() {
    return List.copyOf(AGGREGATES.keySet());
  }

  public static Agg get(String fn) {
    Agg a = AGGREGATES.get(fn);
    if (a == null) throw new IrException("unknown aggregate function \"" + fn + "\"; use one of " + names());
    return a;
  }

  /** The Table API aggregate over `column`, e.g. $(c).stddevPop(). */
  public static ApiExpression apply(String fn, ApiExpression column) {
    ApiExpression e = column;
    for (String method : get(fn).java()) {
      try {
        e = (ApiExpression) ApiExpression.class.getMethod(method).invoke(e);
      } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
        throw new IrException("aggregate " + fn + ": ApiExpression#" + method + "() failed: " + ex, ex);
      }
    }
    return e;
  }

  /** The SQL aggregate over an already quoted column, e.g. COUNT(DISTINCT `c`). */
  public static String sql(String fn, String quotedColumn) {
    Agg a = get(fn);
    return a.sql() + "(" + (a.distinct() ? "DISTINCT " : "") + quotedColumn + ")";
  }
}
