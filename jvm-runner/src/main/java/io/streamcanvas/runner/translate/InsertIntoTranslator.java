// `insertInto`: statementSet.add(input.insertInto(descriptor)), for connector sinks such as print and blackhole.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.api.InsertConflictStrategy;
import org.apache.flink.table.api.Table;

final class InsertIntoTranslator implements Translator<Statement.InsertInto> {
  public void translate(Statement.InsertInto s, ProgramContext ctx) {
    Table input = ctx.table(s.input());
    ctx.addInsert(s.sink());
    // A temporary table named after the sink node, so its vertex ("<id>[n]: Writer") maps back to the canvas node.
    String name = SqlViews.quote(s.sink());
    ctx.tEnv().createTemporaryTable(name, Descriptors.build(s.descriptor(), input, ctx.dataRoot(), ctx.connections(), ctx.transactionalIdBase()));
    // A keyed sink (upsert-kafka): a later row with the same key replaces the earlier one. Flink 2.3 refuses to plan an
    // input whose upsert key is not the sink's primary key (a window's insert-only rows have none) unless told so.
    boolean keyed = s.descriptor().primaryKey() != null && !s.descriptor().primaryKey().isEmpty();
    ctx.statementSet().add(keyed ? input.insertInto(name, InsertConflictStrategy.deduplicate()) : input.insertInto(name));
  }
}
