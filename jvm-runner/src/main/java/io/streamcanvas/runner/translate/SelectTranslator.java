// `select`: input.select(expr.as(name), …).
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.expressions.Expression;

final class SelectTranslator implements Translator<Statement.Select> {
  public void translate(Statement.Select s, ProgramContext ctx) {
    Expression[] fields = s.fields().stream()
        .map(f -> ExpressionBuilder.build(f.expr()).as(f.as()))
        .toArray(Expression[]::new);
    ctx.define(s.table(), ctx.table(s.input()).select(fields));
  }
}
