// `limit`: input.limit(n), the first n rows in arrival order; Flink pushes it into a source that supports it.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;

final class LimitTranslator implements Translator<Statement.Limit> {
  public void translate(Statement.Limit s, ProgramContext ctx) {
    ctx.define(s.table(), ctx.table(s.input()).limit(s.fetch()));
  }
}
