// The secret values among Kafka client properties (passwords, the JAAS line and the values quoted in it), cut out of
// every message the runner returns or logs about them.
package io.streamcanvas.runner.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class SecretScrubber {
  private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|jaas|secret|credential|token).*");
  /** a secret JAAS option's quoted value (password="…"), with the escapes Kafka's parser (StreamTokenizer) reads */
  private static final Pattern QUOTED = Pattern.compile("(?i)\\w*(?:password|secret|token)\\w*\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<String> secrets;

  public SecretScrubber(Map<String, String> properties) {
    List<String> s = new ArrayList<>();
    for (var e : properties.entrySet()) {
      if (e.getValue() == null || !SECRET_KEY.matcher(e.getKey()).matches()) continue;
      s.add(e.getValue());
      Matcher m = QUOTED.matcher(e.getValue());
      while (m.find()) {
        s.add(m.group(1));
        s.add(unescape(m.group(1)));
      }
    }
    // longest first, so a secret holding another is cut whole; very short values would cut ordinary words
    s.removeIf(v -> v.length() < 3);
    s.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = s;
  }

  public String scrub(String text) {
    if (text == null) return null;
    String out = text;
    for (String s : secrets) out = out.replace(s, "***");
    return out;
  }

  private static String unescape(String quoted) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c != '\\' || i + 1 >= quoted.length()) {
        b.append(c);
        continue;
      }
      char n = quoted.charAt(++i);
      if (n >= '0' && n <= '7') {
        int end = i;
        while (end < quoted.length() && end < i + 3 && quoted.charAt(end) >= '0' && quoted.charAt(end) <= '7') end++;
        b.append((char) Integer.parseInt(quoted.substring(i, end), 8));
        i = end - 1;
      } else {
        b.append(switch (n) { case 'n' -> '\n'; case 'r' -> '\r'; case 't' -> '\t'; default -> n; });
      }
    }
    return b.toString();
  }
}
