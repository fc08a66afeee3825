// Maps a UDF bundle's stack positions back to the user's TypeScript through the inline source map esbuild appends.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class SourceMap {
  private static final String MARK = "//# sourceMappingURL=data:application/json;base64,";
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final Pattern FRAME = Pattern.compile("data:text/javascript;base64,[A-Za-z0-9+/=]*:(\\d+):(\\d+)");

  /** A position in the TypeScript source, 1-based like a stack frame's. */
  record Position(int line, int column) {}

  /** Per generated line (0-based): segments [generatedColumn, sourceLine, sourceColumn, sourceIndex], in column order. */
  private final List<List<int[]>> lines;
  private final String[] sourceLines;
  /** The user's file among the sources (the others are bundled libraries, whose positions are not mapped). */
  private final int userSource;

  private SourceMap(List<List<int[]>> lines, String[] sourceLines, int userSource) {
    this.lines = lines;
    this.sourceLines = sourceLines;
    this.userSource = userSource;
  }

  /** The bundle's inline map, or null when it has none (e.g. code written as JavaScript in tests) or it is unreadable. */
  static SourceMap of(String code) {
    int at = code.lastIndexOf(MARK);
    if (at < 0) return null;
    try {
      String b64 = code.substring(at + MARK.length()).strip();
      JsonNode map = new ObjectMapper().readTree(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
      int user = 0;
      for (int i = 0; i < map.path("sources").size(); i++) {
        if (map.path("sources").get(i).asText().endsWith("udf.ts")) user = i;
      }
      JsonNode content = map.path("sourcesContent").path(user);
      return new SourceMap(decode(map.path("mappings").asText()), content.isTextual() ? content.asText().split("\n", -1) : null,
          user);
    } catch (RuntimeException | java.io.IOException e) {
      return null;
    }
  }

  /** The source position of a generated one (1-based line and column), or null when nothing maps there. */
  Position find(int line, int column) {
    if (line < 1 || line > lines.size()) return null;
    int[] best = null;
    for (int[] seg : lines.get(line - 1)) {
      if (seg[0] <= column - 1) best = seg;
      else break;
    }
    return best == null || best[3] != userSource ? null : new Position(best[1] + 1, best[2] + 1);
  }

  /** The text of a source line (1-based), or null. */
  String sourceLine(int line) {
    return sourceLines == null || line < 1 || line > sourceLines.length ? null : sourceLines[line - 1];
  }

  /**
   * A stack line with the bundle's data: URL replaced by `name.ts:line:col` (mapped) or `name.js:line:col` (no map);
   * `top` receives the first mapped position.
   */
  static String rewrite(String frame, SourceMap map, String name, Position[] top) {
    Matcher m = FRAME.matcher(frame);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int line = Integer.parseInt(m.group(1));
      int col = Integer.parseInt(m.group(2));
      Position p = map == null ? null : map.find(line, col);
      if (p != null && top[0] == null) top[0] = p;
      String to = p == null ? name + ".js:" + line + ":" + col : name + ".ts:" + p.line() + ":" + p.column();
      m.appendReplacement(sb, Matcher.quoteReplacement(to));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Source map v3 "mappings": ';' separates generated lines, ',' segments, each base64 VLQ deltas. */
  private static List<List<int[]>> decode(String mappings) {
    List<List<int[]>> out = new ArrayList<>();
    List<int[]> line = new ArrayList<>();
    int[] state = new int[4]; // generated column (reset per line), source index, source line, source column
    int[] seg = new int[5];
    int i = 0;
    while (i <= mappings.length()) {
      char c = i < mappings.length() ? mappings.charAt(i) : ';';
      if (c == ';' || c == ',') {
        i++;
        if (c == ';') {
          out.add(line);
          line = new ArrayList<>();
          state[0] = 0;
        }
        if (i > mappings.length()) break;
        continue;
      }
      int n = 0;
      while (i < mappings.length() && mappings.charAt(i) != ',' && mappings.charAt(i) != ';') {
        int value = 0;
        int shift = 0;
        int digit;
        do {
          digit = B64.indexOf(mappings.charAt(i++));
          if (digit < 0) throw new IllegalArgumentException("bad source map");
          value += (digit & 31) << shift;
          shift += 5;
        } while ((digit & 32) != 0);
        seg[n++] = (value & 1) == 1 ? -(value >>> 1) : value >>> 1;
      }
      state[0] += seg[0];
      if (n >= 4) {
        state[1] += seg[1];
        state[2] += seg[2];
        state[3] += seg[3];
        line.add(new int[] {state[0], state[2], state[3], state[1]});
      }
    }
    return out;
  }
}
