// One Translator per IR statement kind: it performs the Table API call the statement names (DESIGN §6.7).
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Statement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

public interface Translator<S extends Statement> {
  /** The IR `op` this translator handles: its statement record's name, read from the type argument S. */
  default String op() {
    return Statement.opOf(statementType());
  }

  /** The statement record S of `implements Translator<S>`. */
  default Class<?> statementType() {
    for (Type t : getClass().getGenericInterfaces()) {
      if (t instanceof ParameterizedType p && p.getRawType() == Translator.class && p.getActualTypeArguments()[0] instanceof Class<?> c) {
        return c;
      }
    }
    throw new IllegalStateException(getClass().getName() + " must implement Translator<Statement.X> directly");
  }

  void translate(S statement, ProgramContext ctx);
}
