// NestedValues: Flink's external ROW / ARRAY / MAP values ⇄ the worker's JSON, exact numbers kept, bad shapes named.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamcanvas.runner.expr.FlinkTypes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
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
