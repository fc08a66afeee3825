// Expression trees (mirror of pipeline/expr/ast.ts): the only form in which user expressions reach the runner.
package io.streamcanvas.runner.ir;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Expr.Col.class, name = "col"),
  @JsonSubTypes.Type(value = Expr.Lit.class, name = "lit"),
  @JsonSubTypes.Type(value = Expr.Call.class, name = "call"),
  @JsonSubTypes.Type(value = Expr.Cast.class, name = "cast"),
})
public sealed interface Expr {
  record Col(String name) implements Expr {
    public Col {
      IrException.required(name, "col.name");
    }
  }

  /** value: a JSON boolean, a string (numbers as exact decimal strings) or null; type: Flink type syntax. */
  record Lit(JsonNode value, String type) implements Expr {
    public Lit {
      IrException.required(type, "lit.type");
      if (value != null && !value.isNull() && !value.isTextual() && !value.isBoolean()) {
        throw new IrException("lit.value must be a string, a boolean or null, got " + value);
      }
    }

    public boolean isNull() {
      return value == null || value.isNull();
    }
  }

  record Call(String fn, List<Expr> args) implements Expr {
    public Call {
      IrException.required(fn, "call.fn");
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /** tryCast: TRY_CAST (JSON "try": true; absent is a CAST), NULL where the value does not convert. */
  record Cast(Expr expr, String type, @JsonProperty("try") Boolean tryCast) implements Expr {
    public Cast(Expr expr, String type) {
      this(expr, type, false);
    }

    public Cast {
      tryCast = Boolean.TRUE.equals(tryCast);
      IrException.required(expr, "cast.expr");
      IrException.required(type, "cast.type");
    }
  }
}
