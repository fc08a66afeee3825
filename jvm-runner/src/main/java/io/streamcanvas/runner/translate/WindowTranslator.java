// `window`: window aggregation over a window table-valued function (TUMBLE, HOP, SESSION, CUMULATE), which Flink offers
// only in SQL: the input becomes a temporary view and WindowSql writes the query from quoted identifiers and IR numbers;
// an optional TS aggregate is registered under a generated function name and called in the same GROUP BY.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

final class WindowTranslator implements Translator<Statement.Window> {
  public void translate(Statement.Window s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    checkTimeAttribute(s, input);
    String viewName = ctx.nextViewName();
    ctx.tEnv().createTemporaryView(viewName, input);
    String fn = null;
    if (s.udf() != null) {
      // a generated name (never user text), as pipeline/codegen/window-sql.ts windowUdfName prints it
      UdfSupport.checkFree(input.getResolvedSchema(), "__udf_" + s.table());
      fn = viewName + "_agg";
      // One phase, as udfAggregate: a local pre-aggregation would send every accumulator through a worker twice and
      // call merge(), which a tumble window's aggregate need not export.
      org.apache.flink.table.api.TableConfig config = ctx.tEnv().getConfig();
      if (config.getOptional(org.apache.flink.configuration.ConfigOptions.key("table.optimizer.agg-phase-strategy")
          .stringType().noDefaultValue()).isEmpty()) {
        config.set("table.optimizer.agg-phase-strategy", "ONE_PHASE");
      }
      ctx.tEnv().createTemporarySystemFunction(fn, UdfSupport.aggregateFunction(s.udf(), input.getResolvedSchema(), ctx.tEnv().getConfig()));
    }
    ctx.define(s.table(), SqlViews.query(ctx, WindowSql.query(s, SqlViews.quote(viewName), fn)));
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
