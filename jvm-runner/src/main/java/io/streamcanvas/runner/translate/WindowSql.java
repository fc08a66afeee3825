// The SQL of a window statement: a window TVF over a view, from quoted identifiers and interval literals of IR numbers.
package io.streamcanvas.runner.translate;

import static io.streamcanvas.runner.translate.SqlViews.quote;

import io.streamcanvas.runner.expr.Aggregates;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Mirrors pipeline/codegen/window-sql.ts, so the printed Java program shows the runner's own query text. */
final class WindowSql {
  private WindowSql() {}

  /** SELECT window_start, window_end, keys…, aggregates… / FROM TABLE(tvf) / GROUP BY window_start, window_end, keys… */
  static String query(Statement.Window s, String view) {
    return query(s, view, null);
  }

  /**
   * With a TS aggregate registered as `fn` (a generated name): its call joins the aggregates, and a SELECT around the
   * query reads its ROW result's fields into output columns.
   */
  static String query(Statement.Window s, String view, String fn) {
    for (String name : names(s)) {
      // a backquoted Flink SQL identifier cannot span lines
      if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
        throw new IrException("window \"" + s.table() + "\": the column name " + quote(name) + " holds a line break, which Flink SQL cannot write");
      }
    }
    for (Statement.GroupBy.Aggregate a : s.aggregates()) {
      // Flink's FIRST_VALUE / LAST_VALUE have no merge(), which slices (hop, cumulate) and merged sessions need
      if (!s.window().type().equals("tumble") && (a.fn().equals("first_value") || a.fn().equals("last_value"))) {
        throw new IrException("window \"" + s.table() + "\": " + a.fn() + " is available in tumble windows only, not in a "
            + s.window().type() + " window");
      }
    }
    List<String> group = new ArrayList<>(List.of(quote("window_start"), quote("window_end")));
    s.keys().forEach(k -> group.add(quote(k)));
    List<String> select = new ArrayList<>(group);
    for (Statement.GroupBy.Aggregate a : s.aggregates()) select.add(aggregate(a.fn(), quote(a.column())) + " AS " + quote(a.as()));
    if (s.udf() == null) {
      return "SELECT " + String.join(", ", select) + "\nFROM TABLE(" + tvf(s, view) + ")\nGROUP BY " + String.join(", ", group);
    }
    if (fn == null) throw new IrException("window \"" + s.table() + "\": its TS aggregate has no registered function");
    String tmp = quote("__udf_" + s.table());
    select.add(quote(fn) + "(" + s.udf().inputColumns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")) + ") AS " + tmp);
    List<String> outer = new ArrayList<>(group);
    s.aggregates().forEach(a -> outer.add(quote(a.as())));
    s.udf().outputColumns().forEach(c -> outer.add(tmp + "." + quote(c.name()) + " AS " + quote(c.name())));
    return "SELECT " + String.join(", ", outer) + "\nFROM (SELECT " + String.join(", ", select) + "\nFROM TABLE(" + tvf(s, view)
        + ")\nGROUP BY " + String.join(", ", group) + ")";
  }

  static String tvf(Statement.Window s, String view) {
    Statement.Window.Spec w = s.window();
    String time = "DESCRIPTOR(" + quote(w.timeColumn()) + ")";
    return switch (w.type()) {
      case "tumble" -> "TUMBLE(TABLE " + view + ", " + time + ", " + interval(w.sizeMs()) + ")";
      case "hop" -> "HOP(TABLE " + view + ", " + time + ", " + interval(w.slideMs()) + ", " + interval(w.sizeMs()) + ")";
      case "cumulate" -> "CUMULATE(TABLE " + view + ", " + time + ", " + interval(w.stepMs()) + ", " + interval(w.sizeMs()) + ")";
      case "session" -> {
        // each key has its own sessions, as the GROUP BY keys promise
        String partition = s.keys().isEmpty() ? ""
            : " PARTITION BY (" + s.keys().stream().map(SqlViews::quote).collect(Collectors.joining(", ")) + ")";
        yield "SESSION(TABLE " + view + partition + ", " + time + ", " + interval(w.gapMs()) + ")";
      }
      default -> throw new IrException("unknown window type \"" + w.type() + "\"");
    };
  }

  /** The SQL aggregate of an IR aggregate function over a quoted column; the same built-ins as GroupByTranslator's. */
  static String aggregate(String fn, String column) {
    return Aggregates.sql(fn, column);
  }

  /** A day-time interval literal of exactly `ms` milliseconds, in the largest unit that divides it (leading precision 2). */
  static String interval(long ms) {
    if (ms < 0) throw new IrException("interval of " + ms + " ms");
    String[] units = {"DAY", "HOUR", "MINUTE", "SECOND"};
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    for (int i = 0; i < units.length; i++) {
      if (ms % sizes[i] == 0 && ms / sizes[i] < 100) return "INTERVAL '" + ms / sizes[i] + "' " + units[i];
    }
    long days = ms / 86_400_000L;
    long rest = ms % 86_400_000L;
    String time = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", rest / 3_600_000L, rest / 60_000L % 60, rest / 1000L % 60, rest % 1000);
    return "INTERVAL '" + days + " " + time + "' DAY(" + Math.max(String.valueOf(days).length(), 2) + ") TO SECOND(3)";
  }

  private static List<String> names(Statement.Window s) {
    List<String> names = new ArrayList<>(List.of(s.window().timeColumn()));
    names.addAll(s.keys());
    s.aggregates().forEach(a -> names.addAll(List.of(a.column(), a.as())));
    if (s.udf() != null) s.udf().outputColumns().forEach(c -> names.add(c.name()));
    return names;
  }
}
