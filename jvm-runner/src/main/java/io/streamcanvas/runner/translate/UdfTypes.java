// Which Flink types a TypeScript UDF can read and return, with messages that name the UDF and the column.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.IrException;
import org.apache.flink.table.types.logical.LogicalType;

final class UdfTypes {
  private UdfTypes() {}

  static void check(String udf, String column, String type) {
    LogicalType t = FlinkTypes.parse(type).getLogicalType();
    LogicalType bad = unsupported(t);
    if (bad != null) {
      throw new IrException("udf \"" + udf + "\": column \"" + column + "\" has type " + t.asSummaryString()
          + (bad == t ? "" : ", which holds " + bad.asSummaryString()) + ", which TypeScript UDFs do not support yet");
    }
  }

  /** The first type (t itself or nested in a ROW / ARRAY / MAP) the worker cannot carry, or null. */
  private static LogicalType unsupported(LogicalType t) {
    return switch (t.getTypeRoot()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, DATE,
          TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> null;
      case ROW, ARRAY, MAP, MULTISET -> t.getChildren().stream().map(UdfTypes::unsupported).filter(c -> c != null).findFirst().orElse(null);
      default -> t;
    };
  }

  static void checkSame(String udf, String column, String declared, LogicalType actual) {
    LogicalType d = FlinkTypes.parse(declared).getLogicalType();
    if (!d.copy(true).equals(actual.copy(true))) {
      throw new IrException("udf \"" + udf + "\" declares column \"" + column + "\" as " + d.asSummaryString()
          + " but the input has " + actual.asSummaryString());
    }
  }
}
