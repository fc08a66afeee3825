// Flink's jdbc connector's descriptors, checked: only the options a StreamCanvas node sets (never `driver`, which would
// load any class), a table name that is a quoted "schema"."table" (or a source's query as a derived table), column
// names Flink's PostgreSQL dialect can write unquoted, and the named postgres connection's url and login merged in.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

final class JdbcDescriptors {
  static final String JDBC = "jdbc";
  static final String CONNECTION_KIND = "postgres";
  /** A preview's row cap (pipeline/ir/connectors.ts PREVIEW_SCAN_LIMIT): FromTranslator applies it as a limit Flink pushes into the scan. */
  static final String PREVIEW_SCAN_LIMIT = "streamcanvas.scan.limit";
  static final Set<String> OPTIONS = Set.of("table-name", "scan.partition.column", "scan.partition.lower-bound",
      "scan.partition.upper-bound", "scan.partition.num", "scan.fetch-size", "lookup.cache", "lookup.partial-cache.max-rows",
      "lookup.partial-cache.expire-after-write", "lookup.partial-cache.cache-missing-key", "lookup.max-retries",
      "sink.buffer-flush.max-rows", "sink.buffer-flush.interval", "sink.max-retries", PREVIEW_SCAN_LIMIT);
  /** The connection's properties, which are Flink's own option names. */
  private static final List<String> PROVIDED = List.of("url", "username", "password");
  /** "schema"."table", each part double-quoted with inner quotes doubled: reaches PostgreSQL as exactly that name. */
  private static final Pattern QUOTED_TABLE = Pattern.compile("\"(?:[^\"]|\"\")+\"(?:\\.\"(?:[^\"]|\"\")+\")?");
  /** A source's query as a derived table (pipeline/kinds/jdbc-source.node.ts): PostgreSQL runs the user's SELECT as written. */
  static final Pattern QUERY_TABLE = Pattern.compile("(?s)\\(\n.+\n\\) AS streamcanvas_query");
  /** Flink's PostgreSQL dialect writes column names unquoted: only names PostgreSQL folds to themselves are exact. */
  static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private JdbcDescriptors() {}

  /** The descriptor with the connection's url and login merged in; refuses other options, names and connections. */
  static TableDescriptorIr checked(TableDescriptorIr ir, Map<String, Connection> connections, boolean source) {
    for (String k : ir.options().keySet()) {
      if (!OPTIONS.contains(k)) throw new IrException("jdbc option \"" + k + "\" is not allowed; allowed: " + new TreeSet<>(OPTIONS));
    }
    String table = ir.options().get("table-name");
    if (table == null) throw new IrException("a jdbc table needs its table-name");
    if (!QUOTED_TABLE.matcher(table).matches() && !(source && QUERY_TABLE.matcher(table).matches())) {
      throw new IrException("jdbc table-name must be a quoted \"schema\".\"table\"" + (source ? " or a query" : "") + ", got " + table);
    }
    if (ir.schema() != null) ir.schema().forEach(c -> checkColumn(c.name()));
    if (ir.connection() == null) throw new IrException("a jdbc table needs a connection (a PostgreSQL database)");
    Connection c = connections.get(ir.connection());
    if (c == null) {
      throw new IrException("connection \"" + ir.connection() + "\" was not given with the program; create it (Connections) or choose another");
    }
    if (!CONNECTION_KIND.equals(c.kind())) {
      throw new IrException("connection \"" + ir.connection() + "\" is a " + c.kind() + " connection; a jdbc table needs a postgres one");
    }
    Map<String, String> options = new HashMap<>(ir.options());
    options.remove(PREVIEW_SCAN_LIMIT);
    for (String p : PROVIDED) {
      String v = c.properties().get(p);
      if (v != null && !v.isEmpty()) options.put(p, v);
    }
    if (!options.containsKey("url")) throw new IrException("connection \"" + ir.connection() + "\" gives no JDBC url");
    return ir.withOptions(options);
  }

  static void checkColumn(String name) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      throw new IrException("column \"" + name + "\" cannot be written to PostgreSQL: Flink's JDBC connector writes column names "
          + "unquoted, so each must be lower-case letters, digits and _");
    }
  }
}
