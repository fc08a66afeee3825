// The secret values of every connection this runner was given, and the scrub that keeps them out of what leaves it
// (which values are secret, and how they are cut: SecretScrubber).
package io.streamcanvas.runner.job;

import io.streamcanvas.runner.ir.Connection;
import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListSet;

public final class Secrets {
  private static final ConcurrentSkipListSet<String> KNOWN = new ConcurrentSkipListSet<>(SecretScrubber.LONGEST_FIRST);
  public static final String HIDDEN = SecretScrubber.HIDDEN;

  private Secrets() {}

  /** Remembers the secrets of a submission's connections (for the runner's lifetime: a job may fail much later). */
  public static void register(Collection<Connection> connections) {
    for (Connection c : connections) KNOWN.addAll(SecretScrubber.valuesOf(c.properties()));
  }

  /** The text with every known secret value replaced by {@link #HIDDEN}. */
  public static String scrub(String text) {
    return KNOWN.isEmpty() ? text : SecretScrubber.cut(text, KNOWN);
  }
}
