// `collect`: the input's changelog goes back to the runner through DataStream#collectAsync, bound to the job at submit.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;
import java.util.List;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;

final class CollectTranslator implements Translator<Statement.Collect> {
  public void translate(Statement.Collect s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ResolvedSchema schema = input.getResolvedSchema();
    var names = schema.getColumns().stream().map(Column::getName).toList();
    var types = schema.getColumns().stream().map(c -> c.getDataType().getLogicalType()).toList();
    var rows = ctx.tEnv().toChangelogStream(input).collectAsync();
    // collectAsync just appended its sink; naming it after the node lets the monitor map the vertex to the canvas.
    List<Transformation<?>> added = ctx.env().getTransformations();
    Transformation<?> sink = added.isEmpty() ? null : added.get(added.size() - 1);
    if (sink != null && sink.getName().equals("Data stream collect sink")) sink.setName("Collect: " + s.sink());
    ctx.addCollect(new ProgramContext.CollectSink(s.sink(), s.maxRows(), names, types, rows));
  }
}
