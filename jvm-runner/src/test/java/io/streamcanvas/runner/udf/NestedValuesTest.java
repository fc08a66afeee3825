// NestedValues: Flink's external ROW / ARRAY / MAP values ⇄ the worker's JSON, exact numbers kept, bad shapes named.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamcanvas.runner.expr.FlinkTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class NestedValuesTest {
  static LogicalType type(String text) {
    return FlinkTypes.parse(text).getLogicalType();
  }

  @Test
  void writesRowsAsArraysMapsAsPairsAndReadsThemBackAsFlinksDefaultClasses() {
    LogicalType t = type("ROW<`id` BIGINT NOT NULL, `price` DECIMAL(20, 2), `at` TIMESTAMP(3), `tags` ARRAY<STRING>, "
        + "`m` MAP<BIGINT, ARRAY<INT NOT NULL>>>");
    Map<Long, Integer[]> m = new LinkedHashMap<>();
    m.put(Long.MAX_VALUE, new Integer[] {1, 2});
    m.put(-1L, null);
    Row row = Row.of(Long.MAX_VALUE, new BigDecimal("123456789012345678.90"), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_000_000),
        new String[] {"a", null}, m);
    String json = NestedValues.toJson(t, row);
    assertEquals("[\"9223372036854775807\",\"123456789012345678.90\",1709208000123,[\"a\",null],"
        + "[[\"9223372036854775807\",[1,2]],[\"-1\",null]]]", json);
    Row back = (Row) NestedValues.fromJson(t, json);
    assertEquals(Long.MAX_VALUE, back.getField(0));
    assertEquals(new BigDecimal("123456789012345678.90"), back.getField(1));
    assertEquals(LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_000_000), back.getField(2));
    assertArrayEquals(new String[] {"a", null}, (String[]) back.getField(3));
    @SuppressWarnings("unchecked")
    Map<Long, Integer[]> mb = (Map<Long, Integer[]>) back.getField(4);
    assertArrayEquals(new Integer[] {1, 2}, mb.get(Long.MAX_VALUE));
    assertEquals(null, mb.get(-1L));
    assertEquals(json, NestedValues.toJson(t, back));
  }

  @Test
  void readsAndWritesFlinksInternalFormsTooForCodecsOverRowData() {
    LogicalType t = type("ROW<`s` STRING, `d` DATE, `at` TIMESTAMP_LTZ(3), `p` DECIMAL(5, 2), `a` ARRAY<ROW<`x` BIGINT>>, "
        + "`m` MAP<STRING, INT>>");
    String json = "[\"Zoë\",\"2024-02-29\",1709208000123,\"1.50\",[[\"-9223372036854775808\"],null],[[\"k\",1]]]";
    GenericRowData row = (GenericRowData) NestedValues.fromJsonInternal(t, json);
    assertEquals(StringData.fromString("Zoë"), row.getField(0));
    assertEquals((int) LocalDate.of(2024, 2, 29).toEpochDay(), row.getField(1));
    assertEquals(TimestampData.fromEpochMillis(1709208000123L), row.getField(2));
    assertEquals(DecimalData.fromBigDecimal(new BigDecimal("1.50"), 5, 2), row.getField(3));
    assertEquals(Long.MIN_VALUE, ((GenericArrayData) row.getField(4)).getRow(0, 1).getLong(0));
    assertEquals(json, NestedValues.toJson(t, row));
  }

  @Test
  void refusesValuesThatDoNotFitNamingThePathInside() {
    LogicalType t = type("ROW<`user` ROW<`id` BIGINT NOT NULL>, `tags` ARRAY<INT NOT NULL>>");
    assertEquals("at user.id: null where the type is BIGINT NOT NULL",
        assertThrows(IllegalArgumentException.class, () -> NestedValues.fromJson(t, "[[null],[]]")).getMessage());
    assertEquals("at tags[2]: x (not an integer)",
        assertThrows(IllegalArgumentException.class, () -> NestedValues.fromJson(t, "[null,[1,\"x\"]]")).getMessage());
    assertEquals("at user: expected an array of the row's 1 fields",
        assertThrows(IllegalArgumentException.class, () -> NestedValues.fromJson(t, "[{\"id\":1},[]]")).getMessage());
    assertEquals("at user.id: missing",
        assertThrows(IllegalArgumentException.class, () -> NestedValues.fromJson(t, "[[],[]]")).getMessage());
  }
}
