// The runner's one home for secrets in client properties: which values are secret (Kafka's Password-typed configs and
// anything named like one, whole JAAS lines and the values quoted in them) and how they are cut out of every message
// the runner returns or logs. A request's own properties get an instance; submitted connections are remembered by
// Secrets for the runner's lifetime and use the same rules.
package io.streamcanvas.runner.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class SecretScrubber {
  /** what a secret value becomes in a message */
  public static final String HIDDEN = "******";
  private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|jaas|token|credential|\\.key$|apikey|api\\.key).*");
  /** a secret JAAS option's quoted value (password="…", also single-quoted), with the escapes Kafka's parser reads */
  private static final Pattern QUOTED = Pattern.compile("(?i)\\w*(?:password|secret|token)\\w*\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)')");
  /** longest first, so a secret holding another (a JAAS line and its password) is cut whole */
  static final Comparator<String> LONGEST_FIRST = Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

  private final List<String> secrets;

  public SecretScrubber(Map<String, String> properties) {
    this.secrets = valuesOf(properties);
  }

  /** The secret values among `properties`, longest first. */
  public static List<String> valuesOf(Map<String, String> properties) {
    List<String> s = new ArrayList<>();
    for (var e : properties.entrySet()) {
      if (e.getValue() == null || !SECRET_KEY.matcher(e.getKey()).matches()) continue;
      s.add(e.getValue());
      Matcher m = QUOTED.matcher(e.getValue());
      while (m.find()) {
        if (m.group(2) != null) {
          s.add(m.group(2));
          continue;
        }
        s.add(m.group(1));
        s.add(unescape(m.group(1)));
      }
    }
    // very short values would cut ordinary words out of every message
    s.removeIf(v -> v.length() < 3);
    s.sort(LONGEST_FIRST);
    return s.stream().distinct().toList();
  }

  public String scrub(String text) {
    return cut(text, secrets);
  }

  /** `text` with each of `secrets` (longest first) replaced by {@link #HIDDEN}. */
  static String cut(String text, Collection<String> secrets) {
    if (text == null) return null;
    String out = text;
    for (String s : secrets) if (out.contains(s)) out = out.replace(s, HIDDEN);
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
