// Row values as JSON per API.md: exact BIGINT/DECIMAL strings, ISO times at the column's precision, nulls.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.job.RowEncoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class RowEncoderTest {
  static LogicalType t(String type) { return FlinkTypes.parse(type).getLogicalType(); }

  @Test
  void encodesEachTypeAsTheApiSays() {
    Row row = Row.of(true, 7, 9007199254740993L, new BigDecimal("12.50"), 1.5d, "hé", null,
        LocalDate.of(2024, 1, 31), LocalTime.of(12, 0), LocalDateTime.of(2024, 1, 31, 12, 0),
        LocalDateTime.of(2024, 1, 31, 12, 0, 0, 123_000_000), Instant.parse("2024-01-31T12:00:00Z"));
    List<LogicalType> types = List.of(t("BOOLEAN"), t("INT"), t("BIGINT"), t("DECIMAL(10, 2)"), t("DOUBLE"), t("STRING"),
        t("INT"), t("DATE"), t("TIME(0)"), t("TIMESTAMP(0)"), t("TIMESTAMP(3)"), t("TIMESTAMP_LTZ(3)"));
    assertEquals("[true,7,\"9007199254740993\",\"12.50\",1.5,\"hé\",null,\"2024-01-31\",\"12:00:00\","
        + "\"2024-01-31T12:00:00\",\"2024-01-31T12:00:00.123\",\"2024-01-31T12:00:00.000Z\"]",
        RowEncoder.encode(row, types).toString());
  }
}
