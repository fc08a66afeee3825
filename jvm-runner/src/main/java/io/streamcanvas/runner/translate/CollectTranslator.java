// `collect`: the input's changelog goes back to the runner through DataStream#collectAsync, bound to the job at submit.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;

final class CollectTranslator implements Translator<Statement.Collect> {
  public String op() {
    return "collect";
  }

  public void translate(Statement.Collect s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    var names = schema.getColumns().stream().map(Column::getName).toList();
    var types = schema.getColumns().stream().map(c -> c.getDataType().getLogicalType()).toList();
    var rows = ctx.tEnv().toChangelogStream(input).collectAsync();
    ctx.addCollect(new ProgramContext.CollectSink(s.sink(), s.maxRows(), names, types, rows));
  }
}
