// `fromValues`: tEnv.fromValues(DataTypes.ROW(FIELD(name, type)…), row(lit(cell, type)…)…), a bounded source.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.row;

import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.Expr;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.types.DataType;

final class FromValuesTranslator implements Translator<Statement.FromValues> {
  public String op() {
    return "fromValues";
  }

  public void translate(Statement.FromValues s, ProgramContext ctx) {
    List<TableDescriptorIr.Column> cols = s.columns();
    DataTypes.Field[] fields = cols.stream()
        .map(c -> DataTypes.FIELD(c.name(), FlinkTypes.parse(c.type())))
        .toArray(DataTypes.Field[]::new);
    DataType rowType = DataTypes.ROW(fields);
    // each cell is read exactly as an expression literal of its column's type, so values never go through SQL text
    Expression[] rows = s.rows().stream().map(cells -> {
      Object[] lits = new Object[cells.size()];
      for (int i = 0; i < cells.size(); i++) lits[i] = ExpressionBuilder.build(new Expr.Lit(cells.get(i), cols.get(i).type()));
      return row(lits[0], Arrays.copyOfRange(lits, 1, lits.length));
    }).toArray(Expression[]::new);
    Table values = ctx.tEnv().fromValues(rowType, rows);
    if (s.watermark() != null) {
      // fromValues has no schema to declare a watermark in; a DataStream round trip takes one, columns unchanged
      Schema schema = Descriptors.watermark(Schema.newBuilder(), s.watermark()).build();
      values = ctx.tEnv().fromDataStream(ctx.tEnv().toDataStream(values), schema);
    }
    ctx.define(s.table(), values);
  }
}
