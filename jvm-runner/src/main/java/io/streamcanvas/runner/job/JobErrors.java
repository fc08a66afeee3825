// Turns exception chains into the short, readable {message, rootCause} that API.md promises instead of stack traces,
// with every connection secret scrubbed.
package io.streamcanvas.runner.job;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.flink.util.SerializedThrowable;

public final class JobErrors {
  private static final int MAX_CHARS = 2000;

  private JobErrors() {}

  /** The deepest cause, written "SimpleClassName: message" (class names of remote errors survive serialization). */
  public static String rootCause(Throwable t) {
    Throwable root = t;
    int guard = 0;
    while (root.getCause() != null && root.getCause() != root && guard++ < 100) root = root.getCause();
    String cls = root instanceof SerializedThrowable s ? s.getOriginalErrorClassName() : root.getClass().getName();
    String simple = cls.substring(cls.lastIndexOf('.') + 1);
    String msg = root.getMessage();
    return msg == null || msg.isBlank() ? simple : simple + ": " + clean(msg);
  }

  /** The outermost message, skipping future wrappers whose message is just the wrapped exception's toString. */
  public static String message(Throwable t) {
    Throwable top = t;
    while ((top instanceof ExecutionException || top instanceof CompletionException) && top.getCause() != null) {
      top = top.getCause();
    }
    String msg = top.getMessage();
    return msg == null || msg.isBlank() ? top.getClass().getSimpleName() : clean(msg);
  }

  /** Flink's validation messages span lines that matter ("Expected signatures are: …"); stack frames never do. */
  private static String clean(String s) {
    String text = Secrets.scrub(s).lines().filter(l -> !l.strip().startsWith("at ")).map(String::stripTrailing)
        .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
  }
}
