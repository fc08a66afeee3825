// `lookupJoin`: each input row enriched from a JDBC table by key as of processing time. Flink offers the lookup join
// (FOR SYSTEM_TIME AS OF) only in SQL, so the runner writes it over a view of the input, every identifier quoted; the
// table is registered under the node's id so its lookup vertex maps back to the canvas node.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.expr.FlinkTypes;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

final class LookupJoinTranslator implements Translator<Statement.LookupJoin> {
  public void translate(Statement.LookupJoin s, ProgramContext ctx) {
    Table left = ctx.table(s.input());
    checkKeys(s, left);
    String right = SqlViews.quote(s.table());
    ctx.tEnv().createTemporaryTable(right, Descriptors.build(s.descriptor(), null, ctx.dataRoot(), ctx.connections(), ctx.transactionalIdBase()));
    String view = SqlViews.view(ctx, left);
    ctx.define(s.table(), SqlViews.query(ctx, query(s, left.getResolvedSchema().getColumnNames(), view, right)));
  }

  /**
   * Key types Flink compares in a lookup (equal types, or both integers, or both text), else an error naming the key
   * field: Flink's own ("implicit type conversion … not supported on join's condition") names no node.
   */
  static void checkKeys(Statement.LookupJoin s, Table left) {
    for (int i = 0; i < s.keys().size(); i++) {
      Statement.JoinKey k = s.keys().get(i);
      LogicalType l = left.getResolvedSchema().getColumn(k.left())
          .orElseThrow(() -> new IrException("lookupJoin key: the input has no column \"" + k.left() + "\"")).getDataType().getLogicalType();
      TableDescriptorIr.Column rc = s.descriptor().schema().stream().filter(c -> c.name().equals(k.right())).findFirst()
          .orElseThrow(() -> new IrException("lookupJoin key: the table has no column \"" + k.right() + "\""));
      LogicalType r = FlinkTypes.parse(rc.type()).getLogicalType();
      boolean same = l.copy(true).equals(r.copy(true))
          || (l.is(LogicalTypeFamily.INTEGER_NUMERIC) && r.is(LogicalTypeFamily.INTEGER_NUMERIC))
          || (l.is(LogicalTypeFamily.CHARACTER_STRING) && r.is(LogicalTypeFamily.CHARACTER_STRING));
      if (!same) {
        throw new IrException("keys." + i + ".right: stream column \"" + k.left() + "\" is " + l.copy(true).asSummaryString()
            + " but table column \"" + k.right() + "\" is " + r.copy(true).asSummaryString() + "; CAST one side in a select first");
      }
    }
  }

  /** A name for the added processing-time column that no left column has (pipeline/codegen/lookup-join-sql.ts). */
  static String lookupTimeColumn(List<String> left) {
    String name = "streamcanvas_lookup_time";
    while (left.contains(name)) name += "_";
    return name;
  }

  /** The same text as pipeline/codegen/lookup-join-sql.ts lookupJoinQuery; `view` and `right` are quoted already. */
  static String query(Statement.LookupJoin s, List<String> left, String view, String right) {
    String l = SqlViews.quote("L");
    String r = SqlViews.quote("R");
    String pt = SqlViews.quote(lookupTimeColumn(left));
    List<String> cols = new ArrayList<>();
    for (String c : left) cols.add(l + "." + SqlViews.quote(c));
    for (TableDescriptorIr.Column c : s.descriptor().schema()) {
      String to = s.rightRenames().stream().filter(x -> x.from().equals(c.name())).map(Statement.RenameColumns.Rename::to)
          .findFirst().orElse(c.name());
      cols.add(r + "." + SqlViews.quote(c.name()) + (to.equals(c.name()) ? "" : " AS " + SqlViews.quote(to)));
    }
    List<String> on = s.keys().stream().map(k -> l + "." + SqlViews.quote(k.left()) + " = " + r + "." + SqlViews.quote(k.right())).toList();
    return "SELECT " + String.join(", ", cols) + "\n"
        + "FROM (SELECT *, PROCTIME() AS " + pt + " FROM " + view + ") AS " + l + "\n"
        + ("left".equals(s.joinType()) ? "LEFT JOIN " : "JOIN ") + right + " FOR SYSTEM_TIME AS OF " + l + "." + pt + " AS " + r
        + " ON " + String.join(" AND ", on);
  }
}
