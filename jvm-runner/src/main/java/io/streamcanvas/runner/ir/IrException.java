// A TableProgram that does not follow the IR contract (pipeline/ir/); reported to the caller as a 400.
package io.streamcanvas.runner.ir;

public final class IrException extends RuntimeException {
  public IrException(String message) {
    super(message);
  }

  public IrException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Null check for required IR fields, so a missing field is named in the error. */
  public static <T> T required(T value, String what) {
    if (value == null) throw new IrException(what + " is required");
    return value;
  }
}
