// Before a job with JDBC tables is submitted, each is asked of its database the way Flink's connector will ask it
// (SELECT its columns FROM its table WHERE false), so a table or column that does not exist, a query PostgreSQL
// refuses, a wrong password or an unreachable host is an error naming the node and field, before anything runs or writes.
package io.streamcanvas.runner.jdbc;

import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.job.SubmissionException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

public final class JdbcProbe {
  private JdbcProbe() {}

  /** `columnsOf`: a translated table's column names (a sink writes its input's columns). */
  public static void check(TableProgram program, Map<String, Connection> connections, Function<String, List<String>> columnsOf)
      throws SubmissionException {
    for (Statement s : program.statements()) {
      if (s instanceof Statement.From f && isJdbc(f.descriptor())) {
        probe(f.table(), f.descriptor(), names(f.descriptor()), connections, true, "columns");
      } else if (s instanceof Statement.LookupJoin l && isJdbc(l.descriptor())) {
        probe(l.table(), l.descriptor(), names(l.descriptor()), connections, false, "columns");
      } else if (s instanceof Statement.InsertInto i && isJdbc(i.descriptor())) {
        probe(i.sink(), i.descriptor(), columnsOf.apply(i.input()), connections, false, "table");
      }
    }
  }

  private static boolean isJdbc(TableDescriptorIr d) {
    return "jdbc".equals(d.connector()) && d.connection() != null;
  }

  private static List<String> names(TableDescriptorIr d) {
    return d.schema() == null ? List.of() : d.schema().stream().map(TableDescriptorIr.Column::name).toList();
  }

  private static void probe(String node, TableDescriptorIr d, List<String> columns, Map<String, Connection> connections, boolean source,
      String columnsField) throws SubmissionException {
    Connection c = connections.get(d.connection());
    if (c == null) return; // the translation already refused it, naming the connection
    String table = d.options().get("table-name");
    boolean query = source && table != null && table.startsWith("(");
    java.sql.Connection db;
    try {
      db = PostgresLogin.open(c.properties());
    } catch (PostgresLogin.Failed e) {
      throw at(node, "connection", "connection \"" + d.connection() + "\": " + e.getMessage());
    }
    // the statement Flink's PostgreSQL dialect writes (columns unquoted, the table name as given), never run for rows
    String sql = "SELECT " + (columns.isEmpty() ? "1" : String.join(", ", columns)) + " FROM " + table + " WHERE false";
    try (db; var st = db.createStatement()) {
      st.setQueryTimeout(PostgresLogin.BUDGET_S);
      st.executeQuery(sql).close();
    } catch (SQLException e) {
      String why = PostgresLogin.scrubber(c.properties()).scrub(e.getMessage());
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (query) throw at(node, "query", "PostgreSQL refused the query: " + why);
      if (state.equals("42P01")) throw at(node, "table", "table " + table + " does not exist in \"" + d.connection() + "\": " + why);
      if (state.equals("42703")) throw at(node, columnsField, "a column is not in table " + table + ": " + why);
      if (state.equals("42501")) throw at(node, "table", "no permission to read table " + table + ": " + why);
      throw at(node, "table", "PostgreSQL refused " + table + " (SQLSTATE " + state + "): " + why);
    }
  }

  private static SubmissionException at(String node, String field, String message) {
    return new SubmissionException("node \"" + node + "\", field " + field + ": " + message, node, null);
  }
}
