// `deduplicate` and `topN`: Flink plans both only from SQL's ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) filtered to
// rn = 1 / rn <= n, so the query is built here over a temporary view of the input, every identifier quoted. A top-1's
// changelog goes through Top1Retractions (Flink may leave out the -U of a replaced row).
package io.streamcanvas.runner.translate;

import static io.streamcanvas.runner.translate.SqlViews.quote;

import io.streamcanvas.runner.ir.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;

final class RankTranslators {
  private RankTranslators() {}

  static List<String> columns(Table t) {
    return t.getResolvedSchema().getColumns().stream().map(Column::getName).toList();
  }

  /** `base`, or base1, base2… when an input column already has that name */
  static String fresh(String base, List<String> taken) {
    String n = base;
    for (int i = 1; taken.contains(n); i++) n = base + i;
    return n;
  }

  static String quoted(List<String> names) {
    return names.stream().map(SqlViews::quote).collect(Collectors.joining(", "));
  }

  /** SELECT outCols FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) AS rn FROM from) WHERE rn <cond> */
  static String rowNumberQuery(String outCols, String from, List<String> partitionBy, String orderBy, String rn,
      String condition) {
    String partition = partitionBy.isEmpty() ? "" : "PARTITION BY " + quoted(partitionBy) + " ";
    return "SELECT " + outCols + " FROM (SELECT *, ROW_NUMBER() OVER (" + partition + "ORDER BY " + orderBy + ") AS "
        + quote(rn) + " FROM " + from + ") WHERE " + quote(rn) + " " + condition;
  }

  static final class Deduplicate implements Translator<Statement.Deduplicate> {
    public void translate(Statement.Deduplicate s, ProgramContext ctx) {
      Table input = ctx.table(s.input());
      List<String> cols = columns(input);
      String rn = fresh("rn", cols);
      String view = SqlViews.view(ctx, input);
      String from = view;
      String time;
      if (s.timeColumn() == null) {
        // processing time: a proctime attribute made by PROCTIME() in a subquery, dropped again by the outer select
        time = fresh("proctime", cols);
        from = "(SELECT *, PROCTIME() AS " + quote(time) + " FROM " + view + ")";
      } else {
        time = s.timeColumn();
      }
      String order = quote(time) + (s.keep().equals("first") ? " ASC" : " DESC");
      String sql = rowNumberQuery(quoted(cols), from, s.keys(), order, rn, "= 1");
      ctx.define(s.table(), SqlViews.query(ctx, sql));
    }
  }

  static final class TopN implements Translator<Statement.TopN> {
    public void translate(Statement.TopN s, ProgramContext ctx) {
      Table input = ctx.table(s.input());
      List<String> cols = columns(input);
      String rn = s.rankColumn() != null ? s.rankColumn() : fresh("rn", cols);
      String out = quoted(cols) + (s.rankColumn() != null ? ", " + quote(rn) : "");
      String order = quote(s.orderBy().column()) + (s.orderBy().direction().equals("asc") ? " ASC" : " DESC");
      String sql = rowNumberQuery(out, SqlViews.view(ctx, input), s.partitionBy(), order, rn, "<= " + s.n());
      Table top = SqlViews.query(ctx, sql);
      ctx.define(s.table(), s.n() == 1 ? Top1Retractions.apply(ctx.tEnv(), top, s.partitionBy(), s.table()) : top);
    }
  }
}
