// SQL for what Flink offers only in SQL (window TVFs, ROW_NUMBER top-N and deduplication), built over temporary views
// of earlier tables; every identifier goes through Flink's own escaping, so user text never reaches SQL unquoted.
package io.streamcanvas.runner.translate;

import org.apache.flink.table.api.Table;
import org.apache.flink.table.utils.EncodingUtils;

public final class SqlViews {
  private SqlViews() {}

  /** `name` as a Flink SQL identifier: backquoted, inner backquotes doubled. */
  public static String quote(String identifier) {
    return EncodingUtils.escapeIdentifier(identifier);
  }

  /** Registers `table` as a fresh temporary view of this program and returns its quoted name for a FROM clause. */
  public static String view(ProgramContext ctx, Table table) {
    String name = ctx.nextViewName();
    ctx.tEnv().createTemporaryView(name, table);
    return quote(name);
  }

  /** Runs a query built by the caller (from quoted identifiers and IR literals only) as a Table. */
  public static Table query(ProgramContext ctx, String sql) {
    return ctx.tEnv().sqlQuery(sql);
  }
}
