// One Translator per IR statement kind: it performs the Table API call the statement names (DESIGN §6.7).
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;

public interface Translator<S extends Statement> {
  /** The IR `op` this translator handles. */
  String op();

  void translate(S statement, ProgramContext ctx);
}
