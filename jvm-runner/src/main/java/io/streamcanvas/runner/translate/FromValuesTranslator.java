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
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

final class FromValuesTranslator implements Translator<Statement.FromValues> {
  public void translate(Statement.FromValues s, ProgramContext ctx) {
    List<TableDescriptorIr.Column> cols = s.columns();
    DataTypes.Field[] fields = cols.stream()
        .map(c -> DataTypes.FIELD(c.name(), FlinkTypes.parse(c.type())))
        .toArray(DataTypes.Field[]::new);
    DataType rowType = DataTypes.ROW(fields);
    if (s.watermark() == null && s.proctime() == null) {
      // each cell is read exactly as an expression literal of its column's type, so values never go through SQL text
      Expression[] rows = s.rows().stream().map(cells -> {
        Object[] lits = new Object[cells.size()];
        for (int i = 0; i < cells.size(); i++) lits[i] = ExpressionBuilder.build(new Expr.Lit(cells.get(i), cols.get(i).type()));
        return row(lits[0], Arrays.copyOfRange(lits, 1, lits.length));
      }).toArray(Expression[]::new);
      ctx.define(s.table(), ctx.tEnv().fromValues(rowType, rows));
      return;
    }
    // With a watermark, rows must arrive in the order typed. fromValues cannot promise that: when a cell needs a CAST
    // (any nullable column) Flink plans a union of one-row branches whose rows arrive in no fixed order, and the
    // watermark then overtakes rows and drops them as late. One ordered collection source keeps the order, and
    // fromDataStream takes the watermark and the processing-time column (fromValues has no schema to declare them in).
    List<Row> data = s.rows().stream().map(cells -> {
      Row r = new Row(cells.size());
      for (int i = 0; i < cells.size(); i++) r.setField(i, ExpressionBuilder.literalValue(new Expr.Lit(cells.get(i), cols.get(i).type())));
      return r;
    }).toList();
    DataStream<Row> ordered = ctx.env().fromData(data, ExternalTypeInfo.<Row>of(rowType)).setParallelism(1);
    Schema.Builder schema = Descriptors.proctime(Schema.newBuilder(), s.proctime());
    if (s.watermark() != null) Descriptors.watermark(schema, s.watermark());
    ctx.define(s.table(), ctx.tEnv().fromDataStream(ordered, schema.build()));
  }
}
