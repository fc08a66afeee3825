// Parses Flink SQL type syntax ("DECIMAL(10, 2) NOT NULL") into DataTypes with Flink's own parser, never via SQL text.
package io.streamcanvas.runner.expr;

import io.streamcanvas.runner.ir.IrException;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;
import org.apache.flink.table.types.utils.TypeConversions;

public final class FlinkTypes {
  private FlinkTypes() {}

  public static DataType parse(String text) {
    if (text == null || text.isBlank()) throw new IrException("type is required");
    try {
      // An unknown name parses as an unresolved user-defined type; the conversion is what rejects it.
      LogicalType logical = LogicalTypeParser.parse(text, FlinkTypes.class.getClassLoader());
      return TypeConversions.fromLogicalToDataType(logical);
    } catch (RuntimeException e) {
      throw new IrException("cannot read type \"" + text + "\": " + e.getMessage(), e);
    }
  }
}
