// Splits a Flink SQL script as printSql writes it into statements: `;` ends one outside '…' strings, `…` identifiers
// and -- comments; an EXECUTE STATEMENT SET BEGIN … END block stays one statement.
package io.streamcanvas.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class SqlScript {
  /** One statement: its text without comments, and the comments that preceded it (printSql names sinks there). */
  record Statement(String sql, String comments) {
    String keyword() {
      return sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }
  }

  private SqlScript() {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    StringBuilder comments = new StringBuilder();
    StringBuilder block = null;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("--", i)) {
        int end = script.indexOf('\n', i);
        end = end < 0 ? script.length() : end;
        comments.append(script, i, end).append('\n');
        i = end;
      } else if (c == '\'' || c == '`') {
        int end = closing(script, i, c);
        sql.append(script, i, end);
        i = end;
      } else if (c == ';') {
        String text = sql.toString().strip();
        sql.setLength(0);
        i++;
        if (text.isEmpty()) continue;
        String upper = text.toUpperCase(Locale.ROOT);
        if (block == null && upper.startsWith("EXECUTE STATEMENT SET")) {
          block = new StringBuilder(text).append(";\n");
        } else if (block != null && upper.equals("END")) {
          out.add(new Statement(block.append("END").toString(), comments.toString()));
          comments.setLength(0);
          block = null;
        } else if (block != null) {
          block.append(text).append(";\n");
        } else {
          out.add(new Statement(text, comments.toString()));
          comments.setLength(0);
        }
      } else {
        sql.append(c);
        i++;
      }
    }
    if (!sql.toString().isBlank() || block != null) throw new IllegalArgumentException("script ends inside a statement: " + sql);
    return out;
  }

  /** Index just past the quote closing the one at `start` (a doubled quote is an escaped one). */
  private static int closing(String s, int start, char q) {
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == q) {
        if (i + 1 < s.length() && s.charAt(i + 1) == q) i += 2;
        else return i + 1;
      } else {
        i++;
      }
    }
    throw new IllegalArgumentException("unclosed " + q + " in script");
  }
}
