// A program that could not be turned into a job (bad IR or rejected by Flink); `node` names the offending statement.
package io.streamcanvas.runner.job;

public final class SubmissionException extends Exception {
  private final String node;

  public SubmissionException(String message, String node, Throwable cause) {
    super(message, cause);
    this.node = node;
  }

  /** The table or sink id of the statement that failed, or null when the whole program is at fault. */
  public String node() {
    return node;
  }

  public String rootCause() {
    return getCause() == null ? getMessage() : JobErrors.rootCause(getCause());
  }
}
