// `addColumns`, `renameColumns`, `dropColumns`: the Table API calls of the same names, one translator each.
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;

import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.ir.Statement;
import org.apache.flink.table.expressions.Expression;

final class ColumnTranslators {
  private ColumnTranslators() {}

  static final class AddColumns implements Translator<Statement.AddColumns> {
    public void translate(Statement.AddColumns s, ProgramContext ctx) {
      Expression[] fields = s.fields().stream()
          .map(f -> ExpressionBuilder.build(f.expr()).as(f.as()))
          .toArray(Expression[]::new);
      ctx.define(s.table(), ctx.table(s.input()).addColumns(fields));
    }
  }

  static final class RenameColumns implements Translator<Statement.RenameColumns> {
    public void translate(Statement.RenameColumns s, ProgramContext ctx) {
      Expression[] renames = s.renames().stream().map(r -> $(r.from()).as(r.to())).toArray(Expression[]::new);
      ctx.define(s.table(), ctx.table(s.input()).renameColumns(renames));
    }
  }

  static final class DropColumns implements Translator<Statement.DropColumns> {
    public void translate(Statement.DropColumns s, ProgramContext ctx) {
      Expression[] cols = s.columns().stream().map(c -> $(c)).toArray(Expression[]::new);
      ctx.define(s.table(), ctx.table(s.input()).dropColumns(cols));
    }
  }
}
