// Expression trees → Flink Expressions: functions, exact literals of every supported type, casts, and rejections.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamcanvas.runner.expr.ExpressionBuilder;
import io.streamcanvas.runner.ir.Expr;
import io.streamcanvas.runner.ir.IrException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.table.expressions.ValueLiteralExpression;
import org.junit.jupiter.api.Test;

class ExpressionBuilderTest {
  static Expr col(String n) { return new Expr.Col(n); }

  static Expr lit(String v, String type) { return new Expr.Lit(v == null ? NullNode.instance : TextNode.valueOf(v), type); }

  static Expr call(String fn, Expr... args) { return new Expr.Call(fn, List.of(args)); }

  static String summary(Expr e) { return ExpressionBuilder.build(e).asSummaryString(); }

  static ValueLiteralExpression literal(Expr e) {
    return (ValueLiteralExpression) ExpressionBuilder.build(e).toExpr();
  }

  @Test
  void callsMapToTheApiExpressionMethodsOfTheSameName() {
    assertEquals("greaterThan(a, 5)", summary(call("isGreater", col("a"), lit("5", "INT"))));
    assertEquals("upper(concat(a, b))", summary(call("upperCase", call("concat", col("a"), col("b")))));
    assertEquals("and(and(a, b), c)", summary(call("and", col("a"), col("b"), col("c"))));
    assertEquals("minusPrefix(a)", summary(call("negative", col("a"))));
    assertEquals("charLength(a)", summary(call("charLength", col("a"))));
    assertEquals("cast(a, BIGINT)", summary(new Expr.Cast(col("a"), "BIGINT")));
    assertEquals("TRY_CAST(a, INT)", summary(new Expr.Cast(col("a"), "INT", true)));
    // catalogue functions by reflection: a unit word becomes the enum constant, a path a Java String
    assertEquals("extract(DAY, ts)", summary(call("extract", col("ts"), lit("DAY", "STRING NOT NULL"))));
    assertEquals("COALESCE(a, 0)", summary(call("coalesce", col("a"), lit("0", "INT"))));
  }

  @Test
  void literalsAreExactAndTyped() {
    ValueLiteralExpression big = literal(lit("9007199254740993", "BIGINT"));
    assertEquals(9007199254740993L, big.getValueAs(Long.class).orElseThrow());
    assertEquals("BIGINT NOT NULL", big.getOutputDataType().toString());
    ValueLiteralExpression dec = literal(lit("0.1", "DECIMAL(10, 2)"));
    assertEquals(new BigDecimal("0.10"), dec.getValueAs(BigDecimal.class).orElseThrow());
    ValueLiteralExpression ts = literal(lit("2024-01-31T12:00:00.123", "TIMESTAMP(3)"));
    assertEquals(LocalDateTime.of(2024, 1, 31, 12, 0, 0, 123_000_000), ts.getValueAs(LocalDateTime.class).orElseThrow());
    ValueLiteralExpression yes = literal(new Expr.Lit(BooleanNode.TRUE, "BOOLEAN"));
    assertEquals(true, yes.getValueAs(Boolean.class).orElseThrow());
    ValueLiteralExpression nothing = literal(lit(null, "STRING"));
    assertTrue(nothing.isNull());
    assertEquals("STRING", nothing.getOutputDataType().toString());
  }

  @Test
  void rejectsWhatTheContractDoesNotAllow() {
    assertMessage("unknown function \"eval\"", call("eval", col("a")));
    assertMessage("function not takes 1 argument(s), got 2", call("not", col("a"), col("b")));
    assertMessage("is not a valid INT", lit("12abc", "INT"));
    assertMessage("more than 2 decimal places", lit("1.234", "DECIMAL(10, 2)"));
    assertMessage("NULL literal needs a nullable type", lit(null, "INT NOT NULL"));
    assertMessage("cannot read type \"INTEGRAL\"", lit("1", "INTEGRAL"));
    assertMessage("boolean literal needs type BOOLEAN", new Expr.Lit(BooleanNode.TRUE, "INT"));
    assertMessage("function get needs a field name (a string literal)", call("get", col("p"), col("q")));
    assertMessage("function get needs a field name (a string literal)", call("get", col("p"), lit(null, "STRING")));
    assertMessage("function get takes 2 argument(s), got 1", call("get", col("p")));
    assertMessage("function at takes 2 argument(s), got 1", call("at", col("p")));
    assertMessage("function extract needs a string literal as its unit", call("extract", col("ts"), col("u")));
    assertMessage("function substring takes 2..3 argument(s), got 4", call("substring", col("s"), col("a"), col("b"), col("c")));
  }

  @Test
  void nestedAccessBuildsGetAndAt() {
    // ApiExpression#get(String) and #at(Object): Flink's GET and AT built-ins, chained as the IR nests them
    assertEquals("get(get(payload, 'user'), 'id')", summary(call("get", call("get", col("payload"), lit("user", "STRING NOT NULL")), lit("id", "STRING NOT NULL"))));
    assertEquals("at(tags, 1)", summary(call("at", col("tags"), lit("1", "INT NOT NULL"))));
  }

  static void assertMessage(String part, Expr e) {
    IrException ex = assertThrows(IrException.class, () -> ExpressionBuilder.build(e));
    assertTrue(ex.getMessage().contains(part), ex.getMessage());
  }

}
