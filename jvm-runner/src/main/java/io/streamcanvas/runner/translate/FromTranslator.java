// `from`: tEnv.from(TableDescriptor).
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;

final class FromTranslator implements Translator<Statement.From> {
  public String op() {
    return "from";
  }

  public void translate(Statement.From s, ProgramContext ctx) {
    ctx.define(s.table(), ctx.tEnv().from(Descriptors.build(s.descriptor(), null, ctx.dataRoot())));
  }
}
