// Test helper: TableProgram JSON for "fromValues → udfMap → collect", built with Jackson so no quoting goes wrong.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

public final class UdfPrograms {
  static final ObjectMapper JSON = new ObjectMapper();

  private UdfPrograms() {}

  /** columns: name → type; rows: cells encoded as IR literal values (strings, booleans, null). */
  public static String program(String name, Map<String, String> config, List<String[]> columns, List<Object[]> rows,
      String udfCode, List<String[]> udfInputs, List<String[]> udfOutputs) {
    ObjectNode p = JSON.createObjectNode().put("irVersion", 1).put("name", name);
    ObjectNode cfg = p.putObject("config");
    config.forEach(cfg::put);
    ArrayNode st = p.putArray("statements");
    ObjectNode values = st.addObject().put("op", "fromValues").put("table", "src");
    columns(values.putArray("columns"), columns);
    ArrayNode rs = values.putArray("rows");
    for (Object[] r : rows) {
      ArrayNode a = rs.addArray();
      for (Object v : r) {
        if (v == null) a.addNull();
        else if (v instanceof Boolean b) a.add(b);
        else a.add(v.toString());
      }
    }
    ObjectNode map = st.addObject().put("op", "udfMap").put("table", "mapped").put("input", "src");
    ObjectNode udf = map.putObject("udf").put("name", "myMap").put("code", udfCode);
    columns(udf.putArray("inputColumns"), udfInputs);
    columns(udf.putArray("outputColumns"), udfOutputs);
    st.addObject().put("op", "collect").put("sink", "out").put("input", "mapped").put("maxRows", 1000);
    return p.toString();
  }

  private static void columns(ArrayNode into, List<String[]> cols) {
    for (String[] c : cols) into.addObject().put("name", c[0]).put("type", c[1]);
  }

  public static List<String[]> cols(String... nameTypePairs) {
    List<String[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) out.add(new String[] {nameTypePairs[i], nameTypePairs[i + 1]});
    return out;
  }
}
