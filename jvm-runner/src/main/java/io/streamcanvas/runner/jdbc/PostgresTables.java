// POST /postgres/tables: a PostgreSQL database's schemas, tables and views, each with its columns typed as Flink's own JDBC
// Postgres catalog types them (its PostgresTypeMapper over the columns' ResultSetMetaData: no second mapping here) and its
// primary key. Identifiers are quoted for PostgreSQL, never spliced in raw.
package io.streamcanvas.runner.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.jdbc.postgres.database.catalog.PostgresTypeMapper;
import org.apache.flink.table.catalog.ObjectPath;

public final class PostgresTables {
  private static final PostgresTypeMapper TYPES = new PostgresTypeMapper();

  private PostgresTables() {}

  /** "x" with embedded quotes doubled: PostgreSQL's quoted identifier. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Fills `out.tables` with {schema, name, columns: [{name, type, nullable}], primaryKey: [...]} in name order. */
  static void list(Connection c, ObjectNode out) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String[]> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW", "PARTITIONED TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema.equals("pg_catalog") || schema.equals("information_schema")) continue;
        tables.add(new String[] {schema, rs.getString("TABLE_NAME")});
      }
    }
    tables.sort((a, b) -> (a[0] + "." + a[1]).compareTo(b[0] + "." + b[1]));
    ArrayNode list = out.putArray("tables");
    for (String[] t : tables) {
      ObjectNode table = list.addObject().put("schema", t[0]).put("name", t[1]);
      ArrayNode columns = table.putArray("columns");
      // WHERE false: the statement is planned for its columns' metadata and reads no row
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + quote(t[0]) + "." + quote(t[1]) + " WHERE false")) {
        ResultSetMetaData cols = ps.getMetaData();
        ObjectPath path = new ObjectPath(c.getCatalog(), t[0] + "." + t[1]);
        for (int i = 1; i <= cols.getColumnCount(); i++) {
          ObjectNode col = columns.addObject().put("name", cols.getColumnName(i))
              .put("nullable", cols.isNullable(i) != ResultSetMetaData.columnNoNulls);
          try {
            col.put("type", TYPES.mapping(path, cols, i).toString());
          } catch (RuntimeException e) {
            // Flink's JDBC connector cannot read this column type: said per column, the rest of the table still listed
            col.putNull("type").put("unsupported", cols.getColumnTypeName(i) + ": " + e.getMessage());
          }
        }
      }
      ArrayNode key = table.putArray("primaryKey");
      List<String[]> keyCols = new ArrayList<>();
      try (ResultSet pk = md.getPrimaryKeys(null, t[0], t[1])) {
        while (pk.next()) keyCols.add(new String[] {String.valueOf(pk.getInt("KEY_SEQ")), pk.getString("COLUMN_NAME")});
      }
      keyCols.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
      keyCols.forEach(k -> key.add(k[1]));
    }
  }
}
