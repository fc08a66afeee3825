// `window`: window aggregation over a window table-valued function (TUMBLE, HOP, SESSION, CUMULATE), which Flink offers
// only in SQL: the input becomes a temporary view and WindowSql writes the query from quoted identifiers and IR numbers.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

final class WindowTranslator implements Translator<Statement.Window> {
  public String op() {
    return "window";
  }

  public void translate(Statement.Window s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    checkTimeAttribute(s, input);
    String view = SqlViews.view(ctx, input);
    ctx.define(s.table(), SqlViews.query(ctx, WindowSql.query(s, view)));
  }

  /** Flink reports a plain timestamp only when the sink is planned; checking here names the window's node instead. */
  private static void checkTimeAttribute(Statement.Window s, Table input) {
    String name = s.window().timeColumn();
    Column column = input.getResolvedSchema().getColumn(name)
        .orElseThrow(() -> new IrException("window \"" + s.table() + "\": its input has no column \"" + name + "\""));
    LogicalType t = column.getDataType().getLogicalType();
    if (!LogicalTypeChecks.isTimeAttribute(t)) {
      throw new IrException("window \"" + s.table() + "\": \"" + name + "\" is " + t.asSummaryString() + ", but a window expects a time "
          + "attribute: a source's event-time column (with a watermark) or processing-time column, passed on unchanged");
    }
  }
}
