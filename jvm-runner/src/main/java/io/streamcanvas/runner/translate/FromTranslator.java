// `from`: tEnv.from(TableDescriptor), registered as a temporary table named after the node.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;

final class FromTranslator implements Translator<Statement.From> {
  public void translate(Statement.From s, ProgramContext ctx) {
    // Registered under the node id, so Flink's vertex names ("Source: <id>[n]") map back to the canvas node.
    String name = SqlViews.quote(s.table());
    ctx.tEnv().createTemporaryTable(name, Descriptors.build(s.descriptor(), null, ctx.dataRoot(), ctx.connections(), ctx.transactionalIdBase()));
    ctx.define(s.table(), ctx.tEnv().from(name));
  }
}
