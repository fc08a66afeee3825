// Encodes Flink row values as JSON per jvm-runner/API.md: exact numbers as strings, times as ISO-8601 text.
package io.streamcanvas.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimeType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.types.Row;

public final class RowEncoder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter[] TIMESTAMP = formatters("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter[] TIME = formatters("HH:mm:ss");

  private RowEncoder() {}

  /** One formatter per precision 0..9, so values print with exactly the column's fractional digits. */
  private static DateTimeFormatter[] formatters(String pattern) {
    DateTimeFormatter[] f = new DateTimeFormatter[10];
    for (int p = 0; p <= 9; p++) {
      DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().appendPattern(pattern);
      if (p > 0) b.appendFraction(ChronoField.NANO_OF_SECOND, p, p, true);
      f[p] = b.toFormatter();
    }
    return f;
  }

  public static ArrayNode encode(Row row, List<LogicalType> types) {
    ArrayNode values = JSON.arrayNode(row.getArity());
    for (int i = 0; i < row.getArity(); i++) values.add(value(row.getField(i), i < types.size() ? types.get(i) : null));
    return values;
  }

  public static JsonNode value(Object v, LogicalType type) {
    if (v == null) return JSON.nullNode();
    if (v instanceof Boolean b) return JSON.booleanNode(b);
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) return JSON.numberNode(((Number) v).intValue());
    if (v instanceof Float f) return JSON.numberNode(f);
    if (v instanceof Double d) return JSON.numberNode(d);
    if (v instanceof Long l) return JSON.textNode(Long.toString(l));
    if (v instanceof BigDecimal d) return JSON.textNode(d.toPlainString());
    if (v instanceof String s) return JSON.textNode(s);
    if (v instanceof LocalDate d) return JSON.textNode(d.toString());
    if (v instanceof LocalTime t) return JSON.textNode(TIME[precision(type, 0)].format(t));
    if (v instanceof LocalDateTime t) return JSON.textNode(TIMESTAMP[precision(type, 6)].format(t));
    if (v instanceof Instant t) return JSON.textNode(TIMESTAMP[precision(type, 6)].format(t.atOffset(ZoneOffset.UTC)) + "Z");
    if (v instanceof byte[] bytes) return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
    if (v instanceof Row r) return row(r, type instanceof RowType rt ? rt : null);
    // a MULTISET is a Map of element → count to Flink: [element, count] pairs, as a MAP<element, INT NOT NULL>
    if (v instanceof Map<?, ?> m) return map(m, type instanceof MapType mt ? mt : type instanceof MultisetType ms ? new MapType(ms.getElementType(), new IntType(false)) : null);
    if (v.getClass().isArray()) {
      LogicalType e = type instanceof ArrayType at ? at.getElementType() : null;
      ArrayNode items = JSON.arrayNode();
      for (int i = 0, n = Array.getLength(v); i < n; i++) items.add(value(Array.get(v, i), e));
      return items;
    }
    return JSON.textNode(v.toString());
  }

  /** A ROW as an object of its fields by name, in order (an array when the field names are unknown). */
  private static JsonNode row(Row r, RowType type) {
    if (type == null || type.getFieldCount() != r.getArity()) return encode(r, List.of());
    ObjectNode o = JSON.objectNode();
    boolean named = r.getFieldNames(false) != null;
    for (int i = 0; i < type.getFieldCount(); i++) {
      String name = type.getFieldNames().get(i);
      o.set(name, value(named ? r.getField(name) : r.getField(i), type.getTypeAt(i)));
    }
    return o;
  }

  /** A MAP as [key, value] pairs (keys need not be strings), ordered by the key's JSON text so output is stable. */
  private static JsonNode map(Map<?, ?> m, MapType type) {
    List<ArrayNode> pairs = new ArrayList<>(m.size());
    for (Map.Entry<?, ?> e : m.entrySet()) {
      ArrayNode pair = JSON.arrayNode(2);
      pair.add(value(e.getKey(), type == null ? null : type.getKeyType()));
      pair.add(value(e.getValue(), type == null ? null : type.getValueType()));
      pairs.add(pair);
    }
    pairs.sort(Comparator.comparing((ArrayNode p) -> p.get(0).toString()));
    ArrayNode out = JSON.arrayNode(pairs.size());
    pairs.forEach(out::add);
    return out;
  }

  private static int precision(LogicalType type, int fallback) {
    if (type instanceof TimestampType t) return t.getPrecision();
    if (type instanceof LocalZonedTimestampType t) return t.getPrecision();
    if (type instanceof TimeType t) return t.getPrecision();
    return fallback;
  }
}
