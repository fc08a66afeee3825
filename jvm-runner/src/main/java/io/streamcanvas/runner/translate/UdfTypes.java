// Which Flink types a TypeScript UDF can read and return, with messages that name the UDF and the column.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.IrException;
import org.apache.flink.table.types.logical.LogicalType;

final class UdfTypes {
  private UdfTypes() {}

  static void check(String udf, String column, String type) {
    LogicalType t = FlinkTypes.parse(type).getLogicalType();
    switch (t.getTypeRoot()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, DATE,
          TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> { }
      default -> throw new IrException("udf \"" + udf + "\": column \"" + column + "\" has type " + t.asSummaryString()
          + ", which TypeScript UDFs do not support yet");
    }
  }

  static void checkSame(String udf, String column, String declared, LogicalType actual) {
    LogicalType d = FlinkTypes.parse(declared).getLogicalType();
    if (!d.copy(true).equals(actual.copy(true))) {
      throw new IrException("udf \"" + udf + "\" declares column \"" + column + "\" as " + d.asSummaryString()
          + " but the input has " + actual.asSummaryString());
    }
  }
}
