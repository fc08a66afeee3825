// `unionAll` and `distinct`: input.unionAll(right), input.distinct().
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;

final class SetTranslators {
  private SetTranslators() {}

  static final class UnionAll implements Translator<Statement.UnionAll> {
    public void translate(Statement.UnionAll s, ProgramContext ctx) {
      ctx.define(s.table(), ctx.table(s.input()).unionAll(ctx.table(s.right())));
    }
  }

  static final class Distinct implements Translator<Statement.Distinct> {
    public void translate(Statement.Distinct s, ProgramContext ctx) {
      ctx.define(s.table(), ctx.table(s.input()).distinct());
    }
  }
}
