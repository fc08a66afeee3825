// `join` and `intervalJoin`: Table.join / leftOuterJoin / rightOuterJoin / fullOuterJoin with an equality predicate,
// the right input's clashing columns renamed first (the Table API refuses a join whose sides share a column name).
package io.streamcanvas.runner.translate;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.types.DataType;

final class JoinTranslators {
  private JoinTranslators() {}

  static Table renamedRight(ProgramContext ctx, String right, List<Statement.RenameColumns.Rename> renames) {
    Table t = ctx.table(right);
    if (renames.isEmpty()) return t;
    return t.renameColumns(renames.stream().map(r -> $(r.from()).as(r.to())).toArray(Expression[]::new));
  }

  /** $(l1).isEqual($(r1)).and($(l2).isEqual($(r2)))… */
  static ApiExpression keyPredicate(List<Statement.JoinKey> keys) {
    ApiExpression p = null;
    for (Statement.JoinKey k : keys) {
      ApiExpression eq = $(k.left()).isEqual($(k.right()));
      p = p == null ? eq : p.and(eq);
    }
    return p;
  }

  static Table join(Table left, Table right, String joinType, Expression predicate) {
    return switch (joinType) {
      case "inner" -> left.join(right, predicate);
      case "left" -> left.leftOuterJoin(right, predicate);
      case "right" -> left.rightOuterJoin(right, predicate);
      case "full" -> left.fullOuterJoin(right, predicate);
      default -> throw new IrException("unknown join type \"" + joinType + "\"");
    };
  }

  static final class Join implements Translator<Statement.Join> {
    public void translate(Statement.Join s, ProgramContext ctx) {
      Table right = renamedRight(ctx, s.right(), s.rightRenames());
      ctx.define(s.table(), join(ctx.table(s.input()), right, s.joinType(), keyPredicate(s.keys())));
    }
  }

  static final class IntervalJoin implements Translator<Statement.IntervalJoin> {
    public void translate(Statement.IntervalJoin s, ProgramContext ctx) {
      Table right = renamedRight(ctx, s.right(), s.rightRenames());
      ApiExpression lt = $(s.leftTime());
      ApiExpression predicate = keyPredicate(s.keys())
          .and(lt.isGreaterOrEqual(offset(s.rightTime(), s.lowerMs())))
          .and(lt.isLessOrEqual(offset(s.rightTime(), s.upperMs())));
      Table joined = join(ctx.table(s.input()), right, s.joinType(), predicate);
      // both sides' rowtimes survive an interval join; a table with two cannot be collected or inserted, so the right
      // one becomes a plain timestamp (the cast Flink's own error message asks for)
      Expression[] fields = joined.getResolvedSchema().getColumns().stream()
          .map(c -> c.getName().equals(s.rightTime()) ? $(c.getName()).cast(plainTimestamp(c)).as(c.getName()) : $(c.getName()))
          .toArray(Expression[]::new);
      ctx.define(s.table(), joined.select(fields));
    }

    static DataType plainTimestamp(Column c) {
      return c.getDataType().getLogicalType().isNullable() ? DataTypes.TIMESTAMP(3) : DataTypes.TIMESTAMP(3).notNull();
    }

    /** $(time) + ms as the runner and the printed Java write it: plus / minus lit(ms).millis(), nothing for 0 */
    static ApiExpression offset(String time, long ms) {
      if (ms == 0) return $(time);
      return ms > 0 ? $(time).plus(lit(ms).millis()) : $(time).minus(lit(-ms).millis());
    }
  }
}
