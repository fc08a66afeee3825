// `from`: tEnv.from(TableDescriptor), registered as a temporary table named after the node.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;

final class FromTranslator implements Translator<Statement.From> {
  public void translate(Statement.From s, ProgramContext ctx) {
    // Registered under the node id, so Flink's vertex names ("Source: <id>[n]") map back to the canvas node.
    String name = SqlViews.quote(s.table());
    ctx.tEnv().createTemporaryTable(name, Descriptors.build(s.descriptor(), null, ctx.dataRoot(), ctx.connections(), ctx.transactionalIdBase()));
    // a JDBC preview's cap: Flink pushes the limit into the scan (SELECT … LIMIT n), so the table is never read whole
    String limit = s.descriptor().options().get(JdbcDescriptors.PREVIEW_SCAN_LIMIT);
    ctx.define(s.table(), limit == null ? ctx.tEnv().from(name) : ctx.tEnv().from(name).limit(Integer.parseInt(limit)));
  }
}
