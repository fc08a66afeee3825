// The secret values of every connection this runner was given, and the scrub that keeps them out of what leaves it.
package io.streamcanvas.runner.job;

import io.streamcanvas.runner.ir.Connection;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListSet;

public final class Secrets {
  /** Longest first, so a JAAS line is replaced whole before the password inside it. */
  private static final ConcurrentSkipListSet<String> KNOWN =
      new ConcurrentSkipListSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
  public static final String HIDDEN = "******";

  private Secrets() {}

  /** Remembers the secrets of a submission's connections (for the runner's lifetime: a job may fail much later). */
  public static void register(Collection<Connection> connections) {
    for (Connection c : connections) KNOWN.addAll(c.secrets());
  }

  /** The text with every known secret value replaced by {@link #HIDDEN}. */
  public static String scrub(String text) {
    if (text == null || KNOWN.isEmpty()) return text;
    String out = text;
    for (String s : KNOWN) if (out.contains(s)) out = out.replace(s, HIDDEN);
    return out;
  }
}
