// The whitelisted built-in functions of pipeline/expr/ast.ts, mapped to the ApiExpression methods of the same name.
package io.streamcanvas.runner.expr;

import static org.apache.flink.table.api.Expressions.negative;

import io.streamcanvas.runner.ir.IrException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.table.api.ApiExpression;

public final class Functions {
  /** A function with its arity bounds; maxArgs -1 means variadic. */
  private record Fn(int minArgs, int maxArgs, Function<List<ApiExpression>, ApiExpression> apply) {}

  private static Fn unary(Function<ApiExpression, ApiExpression> f) {
    return new Fn(1, 1, a -> f.apply(a.get(0)));
  }

  private static Fn binary(java.util.function.BiFunction<ApiExpression, ApiExpression, ApiExpression> f) {
    return new Fn(2, 2, a -> f.apply(a.get(0), a.get(1)));
  }

  /** Folds left so `and(a, b, c)` and `concat(a, b, c)` read as the ApiExpression chain a.and(b).and(c). */
  private static Fn chain(java.util.function.BiFunction<ApiExpression, ApiExpression, ApiExpression> f) {
    return new Fn(2, -1, a -> {
      ApiExpression acc = a.get(0);
      for (int i = 1; i < a.size(); i++) acc = f.apply(acc, a.get(i));
      return acc;
    });
  }

  private static final Map<String, Fn> FUNCTIONS = Map.ofEntries(
      Map.entry("plus", binary(ApiExpression::plus)),
      Map.entry("minus", binary(ApiExpression::minus)),
      Map.entry("times", binary(ApiExpression::times)),
      Map.entry("dividedBy", binary(ApiExpression::dividedBy)),
      Map.entry("mod", binary(ApiExpression::mod)),
      Map.entry("negative", unary(a -> negative(a))),
      Map.entry("isEqual", binary(ApiExpression::isEqual)),
      Map.entry("isNotEqual", binary(ApiExpression::isNotEqual)),
      Map.entry("isLess", binary(ApiExpression::isLess)),
      Map.entry("isLessOrEqual", binary(ApiExpression::isLessOrEqual)),
      Map.entry("isGreater", binary(ApiExpression::isGreater)),
      Map.entry("isGreaterOrEqual", binary(ApiExpression::isGreaterOrEqual)),
      Map.entry("and", chain(ApiExpression::and)),
      Map.entry("or", chain(ApiExpression::or)),
      Map.entry("not", unary(ApiExpression::not)),
      Map.entry("isNull", unary(ApiExpression::isNull)),
      Map.entry("isNotNull", unary(ApiExpression::isNotNull)),
      Map.entry("upperCase", unary(ApiExpression::upperCase)),
      Map.entry("lowerCase", unary(ApiExpression::lowerCase)),
      Map.entry("concat", chain(ApiExpression::concat)),
      Map.entry("charLength", unary(ApiExpression::charLength)),
      Map.entry("trim", unary(ApiExpression::trim)),
      // x[i]: an ARRAY element (1-based) or a MAP value; "get" (row.field) needs its literal name, see ExpressionBuilder
      Map.entry("at", binary(ApiExpression::at)));

  private Functions() {}

  public static boolean isKnown(String name) {
    return FUNCTIONS.containsKey(name);
  }

  public static ApiExpression apply(String name, List<ApiExpression> args) {
    Fn fn = FUNCTIONS.get(name);
    if (fn == null) {
      throw new IrException("unknown function \"" + name + "\"; allowed: " + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
    }
    if (args.size() < fn.minArgs() || (fn.maxArgs() >= 0 && args.size() > fn.maxArgs())) {
      String expected = fn.maxArgs() < 0 ? "at least " + fn.minArgs() : fn.minArgs() == fn.maxArgs() ? String.valueOf(fn.minArgs()) : fn.minArgs() + ".." + fn.maxArgs();
      throw new IrException("function " + name + " takes " + expected + " argument(s), got " + args.size());
    }
    return fn.apply().apply(args);
  }
}
