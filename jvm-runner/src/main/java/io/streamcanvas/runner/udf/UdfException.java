// A TypeScript UDF failed (threw, overran its deadline, ran out of memory, exited); the message names the UDF.
package io.streamcanvas.runner.udf;

public final class UdfException extends RuntimeException {
  public UdfException(String message) {
    // No cause and no stack trace: the message is what the user needs, and it becomes the job's root cause.
    super(message, null, false, false);
  }
}
