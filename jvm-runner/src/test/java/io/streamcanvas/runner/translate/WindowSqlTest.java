// The window TVF query text: every identifier quoted, intervals from IR numbers, sessions partitioned by the keys.
package io.streamcanvas.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.UdfIr;
import io.streamcanvas.runner.ir.Statement.GroupBy.Aggregate;
import io.streamcanvas.runner.ir.Statement.Window.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSqlTest {
  static Statement.Window window(Spec spec, List<String> keys, Aggregate... aggs) {
    return new Statement.Window("w", "in", spec, keys, List.of(aggs));
  }

  @Test
  void tumbleQuotesEveryIdentifierAndGroupsByTheWindowAndKeys() {
    String q = WindowSql.query(window(new Spec("tumble", "event `time`", 10_000L), List.of("user id"),
        new Aggregate("count", "page", "n"), new Aggregate("first_value", "it's", "first `x`")), "`v`");
    assertEquals("SELECT `window_start`, `window_end`, `user id`, COUNT(`page`) AS `n`, FIRST_VALUE(`it's`) AS `first ``x```\n"
        + "FROM TABLE(TUMBLE(TABLE `v`, DESCRIPTOR(`event ``time```), INTERVAL '10' SECOND))\n"
        + "GROUP BY `window_start`, `window_end`, `user id`", q);
  }

  @Test
  void hopCumulateAndSessionTakeTheirDurationsAndSessionsPartitionByTheKeys() {
    Aggregate sum = new Aggregate("sum", "v", "s");
    assertTrue(WindowSql.query(window(new Spec("hop", "ts", 60_000L, 15_000L, null, null), List.of(), sum), "`v`")
        .contains("HOP(TABLE `v`, DESCRIPTOR(`ts`), INTERVAL '15' SECOND, INTERVAL '1' MINUTE)"));
    assertTrue(WindowSql.query(window(new Spec("cumulate", "ts", 86_400_000L, null, null, 3_600_000L), List.of(), sum), "`v`")
        .contains("CUMULATE(TABLE `v`, DESCRIPTOR(`ts`), INTERVAL '1' HOUR, INTERVAL '1' DAY)"));
    assertTrue(WindowSql.query(window(new Spec("session", "ts", null, null, 1500L, null), List.of("a", "b`"), sum), "`v`")
        .contains("SESSION(TABLE `v` PARTITION BY (`a`, `b```), DESCRIPTOR(`ts`), INTERVAL '0 00:00:01.500' DAY(2) TO SECOND(3))"));
    assertTrue(WindowSql.query(window(new Spec("session", "ts", null, null, 30_000L, null), List.of(), sum), "`v`")
        .contains("SESSION(TABLE `v`, DESCRIPTOR(`ts`), INTERVAL '30' SECOND)"));
  }

  @Test
  void aTsAggregateAloneGivesEveryOutputColumnButAWindowWithNeitherIsRefused() {
    UdfIr udf = new UdfIr("w", "export default function r() {}", List.of(new TableDescriptorIr.Column("v", "INT")),
        List.of(new TableDescriptorIr.Column("total", "DOUBLE NOT NULL")));
    Spec session = new Spec("session", "ts", null, null, 5000L, null);
    String q = WindowSql.query(new Statement.Window("w", "in", session, List.of("k"), List.of(), udf), "`v`", "v_agg");
    assertEquals("SELECT `window_start`, `window_end`, `k`, `__udf_w`.`total` AS `total`\n"
        + "FROM (SELECT `window_start`, `window_end`, `k`, `v_agg`(`v`) AS `__udf_w`\n"
        + "FROM TABLE(SESSION(TABLE `v` PARTITION BY (`k`), DESCRIPTOR(`ts`), INTERVAL '5' SECOND))\n"
        + "GROUP BY `window_start`, `window_end`, `k`)", q);
    IrException none = assertThrows(IrException.class, () -> window(session, List.of("k")));
    assertTrue(none.getMessage().contains("window.aggregates must not be empty when the window has no udf"), none.getMessage());
  }

  @Test
  void intervalsAreExactMilliseconds() {
    assertEquals("INTERVAL '99' DAY", WindowSql.interval(99 * 86_400_000L));
    assertEquals("INTERVAL '100 00:00:00.000' DAY(3) TO SECOND(3)", WindowSql.interval(100 * 86_400_000L));
    assertEquals("INTERVAL '1 10:17:36.789' DAY(2) TO SECOND(3)", WindowSql.interval(123_456_789L));
    assertEquals("INTERVAL '0 00:00:00.001' DAY(2) TO SECOND(3)", WindowSql.interval(1L));
  }

  @Test
  void refusesWhatSqlCannotWriteOrFlinkCannotMerge() {
    Aggregate n = new Aggregate("count", "v", "n");
    IrException lineBreak = assertThrows(IrException.class,
        () -> WindowSql.query(window(new Spec("tumble", "line\nbreak", 1000L), List.of(), n), "`v`"));
    assertTrue(lineBreak.getMessage().contains("line break"), lineBreak.getMessage());
    IrException first = assertThrows(IrException.class, () -> WindowSql.query(
        window(new Spec("hop", "ts", 2000L, 1000L, null, null), List.of(), new Aggregate("first_value", "v", "f")), "`v`"));
    assertTrue(first.getMessage().contains("tumble windows only"), first.getMessage());
  }

  @Test
  void specsCheckTheirDurations() {
    assertThrows(IrException.class, () -> new Spec("hop", "ts", 10_000L, 3000L, null, null));
    assertThrows(IrException.class, () -> new Spec("cumulate", "ts", 10_000L, null, null, 3000L));
    assertThrows(IrException.class, () -> new Spec("session", "ts", null, null, null, null));
    assertThrows(IrException.class, () -> new Spec("slide", "ts", 1000L));
  }
}
