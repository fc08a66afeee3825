// Nested ROW / ARRAY / MAP (and MULTISET, a map of counts) values ↔ plain JSON for the UDF worker: a row as an array of its fields in order, an array
// as an array, a map as an array of [key, value] pairs; scalars inside as at the top level (BIGINT and DECIMAL exact
// strings, TIMESTAMP* epoch millis). Over Flink's default external classes (Row, boxed T[], java.util.Map) or its
// internal ones (RowData, ArrayData, MapData, StringData…), so a row codec of either kind can carry a nested column.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;

public final class NestedValues {
  private static final JsonFactory JSON = new JsonFactory();

  private NestedValues() {}

  public static boolean isNested(LogicalType type) {
    LogicalTypeRoot r = type.getTypeRoot();
    return r == LogicalTypeRoot.ROW || r == LogicalTypeRoot.ARRAY || r == LogicalTypeRoot.MAP || r == LogicalTypeRoot.MULTISET;
  }

  /** A MULTISET as Flink holds it: a map of element → count (MapData inside, Map<T, Integer> outside). */
  static MapType asMap(MultisetType t) {
    return new MapType(t.isNullable(), t.getElementType(), new IntType(false));
  }

  /** One value (nested or not) of `type`, as Flink's default external class holds it, as JSON. */
  public static void write(JsonGenerator g, LogicalType type, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    switch (type.getTypeRoot()) {
      case ROW -> {
        RowType rt = (RowType) type;
        if (v instanceof RowData internal) {
          g.writeStartArray();
          for (int i = 0; i < rt.getFieldCount(); i++) write(g, rt.getTypeAt(i), RowData.createFieldGetter(rt.getTypeAt(i), i).getFieldOrNull(internal));
          g.writeEndArray();
          return;
        }
        Row row = (Row) v;
        // a row built by name (Row.withNames) has no positions; Flink's converters build positioned ones
        boolean named = row.getFieldNames(false) != null;
        g.writeStartArray();
        for (int i = 0; i < rt.getFieldCount(); i++) {
          write(g, rt.getTypeAt(i), named ? row.getField(rt.getFieldNames().get(i)) : row.getField(i));
        }
        g.writeEndArray();
      }
      case ARRAY -> {
        LogicalType e = ((ArrayType) type).getElementType();
        g.writeStartArray();
        if (v instanceof ArrayData internal) {
          ArrayData.ElementGetter get = ArrayData.createElementGetter(e);
          for (int i = 0; i < internal.size(); i++) write(g, e, get.getElementOrNull(internal, i));
        } else if (v instanceof List<?> list) {
          for (Object item : list) write(g, e, item);
        } else {
          for (int i = 0, n = Array.getLength(v); i < n; i++) write(g, e, Array.get(v, i));
        }
        g.writeEndArray();
      }
      case MULTISET -> write(g, asMap((MultisetType) type), v);
      case MAP -> {
        MapType m = (MapType) type;
        g.writeStartArray();
        if (v instanceof MapData internal) {
          ArrayData.ElementGetter k = ArrayData.createElementGetter(m.getKeyType());
          ArrayData.ElementGetter val = ArrayData.createElementGetter(m.getValueType());
          for (int i = 0; i < internal.size(); i++) {
            g.writeStartArray();
            write(g, m.getKeyType(), k.getElementOrNull(internal.keyArray(), i));
            write(g, m.getValueType(), val.getElementOrNull(internal.valueArray(), i));
            g.writeEndArray();
          }
          g.writeEndArray();
          return;
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
          g.writeStartArray();
          write(g, m.getKeyType(), entry.getKey());
          write(g, m.getValueType(), entry.getValue());
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      default -> NestedScalars.write(g, type, v);
    }
  }

  /**
   * The value of `type` whose first token the parser is on, in Flink's default external class; throws
   * IllegalArgumentException naming the path inside the value (e.g. `user.tags[2]`) when it does not fit the type.
   */
  public static Object read(JsonParser p, LogicalType type) throws IOException {
    return read(p, type, "", false);
  }

  /** Like read, in Flink's internal classes (GenericRowData, GenericArrayData, GenericMapData, StringData…). */
  public static Object readInternal(JsonParser p, LogicalType type) throws IOException {
    return read(p, type, "", true);
  }

  /** For a frame that carries a nested column as one JSON text. */
  public static String toJson(LogicalType type, Object v) {
    StringWriter text = new StringWriter(64);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      write(g, type, v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  public static Object fromJson(LogicalType type, String json) {
    return fromJson(type, json, false);
  }

  public static Object fromJsonInternal(LogicalType type, String json) {
    return fromJson(type, json, true);
  }

  private static Object fromJson(LogicalType type, String json, boolean internal) {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      Object v = read(p, type, "", internal);
      if (p.nextToken() != null) throw new IllegalArgumentException("trailing text after the value");
      return v;
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static Object read(JsonParser p, LogicalType type, String path, boolean internal) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      if (!type.isNullable() && !path.isEmpty()) throw bad(path, "null where the type is " + type.asSummaryString());
      return null;
    }
    if (type instanceof MultisetType ms) return read(p, asMap(ms), path, internal);
    switch (type.getTypeRoot()) {
      case ROW -> {
        RowType rt = (RowType) type;
        start(t, path, "an array of the row's " + rt.getFieldCount() + " fields");
        Object[] fields = new Object[rt.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
          String at = path.isEmpty() ? rt.getFieldNames().get(i) : path + "." + rt.getFieldNames().get(i);
          if (p.nextToken() == JsonToken.END_ARRAY) throw bad(at, "missing");
          fields[i] = read(p, rt.getTypeAt(i), at, internal);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) throw bad(path, "more fields than the row's " + rt.getFieldCount());
        return internal ? GenericRowData.of(fields) : Row.of(fields);
      }
      case ARRAY -> {
        LogicalType e = ((ArrayType) type).getElementType();
        start(t, path, "an array");
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p, e, path + "[" + (items.size() + 1) + "]", internal));
        if (internal) return new GenericArrayData(items.toArray());
        Object array = Array.newInstance(e.getDefaultConversion(), items.size());
        for (int i = 0; i < items.size(); i++) Array.set(array, i, items.get(i));
        return array;
      }
      case MAP -> {
        MapType m = (MapType) type;
        start(t, path, "an array of [key, value] pairs");
        Map<Object, Object> map = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          start(p.currentToken(), path, "a [key, value] pair");
          p.nextToken();
          Object k = read(p, m.getKeyType(), path + " key", internal);
          p.nextToken();
          Object v = read(p, m.getValueType(), path + "[" + k + "]", internal);
          if (p.nextToken() != JsonToken.END_ARRAY) throw bad(path, "a map entry is a [key, value] pair");
          map.put(k, v);
        }
        return internal ? new GenericMapData(map) : map;
      }
      default -> {
        try {
          Object v = NestedScalars.read(p, t, type);
          return internal ? NestedScalars.toInternal(v, type) : v;
        } catch (RuntimeException e) {
          throw bad(path, p.getText() + " (" + e.getMessage() + ")");
        }
      }
    }
  }

  private static void start(JsonToken t, String path, String want) {
    if (t != JsonToken.START_ARRAY) throw bad(path, "expected " + want);
  }

  private static IllegalArgumentException bad(String path, String why) {
    return new IllegalArgumentException(path.isEmpty() ? why : "at " + path + ": " + why);
  }
}
