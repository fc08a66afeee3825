// Type strings as pipeline/types.ts formatType prints them parse into the Flink types they name.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.IrException;
import org.apache.flink.table.types.logical.LogicalType;
import org.junit.jupiter.api.Test;

class FlinkTypesTest {
  static LogicalType parse(String s) {
    return FlinkTypes.parse(s).getLogicalType();
  }

  @Test
  void parsesTheTypeSyntaxOfPipelineTypes() {
    String[] formatted = {"BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL(10, 2)",
        "CHAR(1)", "VARCHAR(20)", "STRING", "DATE", "TIME(0)", "TIMESTAMP(6)", "TIMESTAMP_LTZ(3)"};
    for (String f : formatted) assertEquals(f, parse(f).asSummaryString(), f);
    assertEquals("DECIMAL(10, 2) NOT NULL", parse("DECIMAL(10,2) NOT NULL").asSerializableString());
    assertFalse(parse("bigint not null").isNullable());
    assertEquals("INT", parse("INTEGER").asSummaryString());
  }

  @Test
  void rejectsUnknownTypes() {
    assertThrows(IrException.class, () -> FlinkTypes.parse("DECIMAL(10"));
    assertThrows(IrException.class, () -> FlinkTypes.parse("MONEY"));
    assertThrows(IrException.class, () -> FlinkTypes.parse(" "));
  }
}
