// Turns IR expression trees into Flink Table API Expressions ($, lit, ApiExpression calls); no SQL text is involved.
package io.streamcanvas.runner.expr;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;
import static org.apache.flink.table.api.Expressions.nullOf;

import io.streamcanvas.runner.ir.Expr;
import io.streamcanvas.runner.ir.IrException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

public final class ExpressionBuilder {
  private ExpressionBuilder() {}

  public static ApiExpression build(Expr expr) {
    // Java 17 has no pattern switch; the sealed interface keeps this list complete.
    if (expr instanceof Expr.Col c) return $(c.name());
    if (expr instanceof Expr.Lit l) return literal(l);
    if (expr instanceof Expr.Call c) return c.fn().equals("get") ? field(c) : Functions.apply(c.fn(), c.args());
    if (expr instanceof Expr.Cast c) {
      // TRY_CAST gives NULL where the value does not convert
      return c.tryCast() ? build(c.expr()).tryCast(FlinkTypes.parse(c.type())) : build(c.expr()).cast(FlinkTypes.parse(c.type()));
    }
    throw new IrException("unknown expression " + expr);
  }

  /** row.field: ApiExpression#get(String), whose name is the call's second argument, a non-NULL string literal. */
  private static ApiExpression field(Expr.Call c) {
    if (c.args().size() != 2) throw new IrException("function get takes 2 argument(s), got " + c.args().size());
    if (!(c.args().get(1) instanceof Expr.Lit name) || name.isNull() || !name.value().isTextual()) {
      throw new IrException("function get needs a field name (a string literal) as its second argument");
    }
    return build(c.args().get(0)).get(name.value().textValue());
  }

  private static ApiExpression literal(Expr.Lit l) {
    DataType type = FlinkTypes.parse(l.type());
    if (l.isNull()) {
      if (!type.getLogicalType().isNullable()) throw new IrException("NULL literal needs a nullable type, got " + l.type());
      return nullOf(type);
    }
    try {
      return lit(value(l, type.getLogicalType()), type.notNull());
    } catch (IrException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IrException("literal " + l.value() + " is not a valid " + l.type() + ": " + e.getMessage(), e);
    }
  }

  /** A literal's Java value (null for NULL) in the default conversion class of its type, e.g. for Row fields. */
  public static Object literalValue(Expr.Lit l) {
    if (l.isNull()) return null;
    try {
      return value(l, FlinkTypes.parse(l.type()).getLogicalType());
    } catch (IrException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IrException("literal " + l.value() + " is not a valid " + l.type() + ": " + e.getMessage(), e);
    }
  }

  /** The Java object Flink expects for the type (its default conversion class), read exactly from the IR's text. */
  private static Object value(Expr.Lit l, LogicalType type) {
    if (l.value().isBoolean()) {
      if (type.getTypeRoot() != org.apache.flink.table.types.logical.LogicalTypeRoot.BOOLEAN) {
        throw new IrException("boolean literal needs type BOOLEAN, got " + l.type());
      }
      return l.value().booleanValue();
    }
    String s = l.value().textValue();
    return switch (type.getTypeRoot()) {
      case BOOLEAN -> switch (s.toLowerCase()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IrException("literal \"" + s + "\" is not a BOOLEAN");
      };
      case TINYINT -> Byte.parseByte(s);
      case SMALLINT -> Short.parseShort(s);
      case INTEGER -> Integer.parseInt(s);
      case BIGINT -> Long.parseLong(s);
      case FLOAT -> Float.parseFloat(s);
      case DOUBLE -> Double.parseDouble(s);
      case DECIMAL -> decimal(s, (DecimalType) type);
      case CHAR, VARCHAR -> s;
      case DATE -> LocalDate.parse(s);
      case TIME_WITHOUT_TIME_ZONE -> LocalTime.parse(s);
      case TIMESTAMP_WITHOUT_TIME_ZONE -> LocalDateTime.parse(s);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instant.parse(s);
      default -> throw new IrException("literals of type " + l.type() + " are not supported");
    };
  }

  private static BigDecimal decimal(String s, DecimalType type) {
    BigDecimal d = new BigDecimal(s);
    try {
      d = d.setScale(type.getScale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IrException("literal " + s + " has more than " + type.getScale() + " decimal places for " + type.asSummaryString());
    }
    if (d.precision() > type.getPrecision()) throw new IrException("literal " + s + " does not fit " + type.asSummaryString());
    return d;
  }

  /** Convenience for tests and translators: builds every expression of a list. */
  public static List<ApiExpression> buildAll(List<Expr> exprs) {
    return exprs.stream().map(ExpressionBuilder::build).toList();
  }
}
