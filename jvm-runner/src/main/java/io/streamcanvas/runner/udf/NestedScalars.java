// Scalars inside nested values (NestedValues) ↔ JSON, as the worker wire has them at the top level: BIGINT and DECIMAL
// exact strings, TIMESTAMP* epoch millis, DATE "yyyy-mm-dd"; from Flink's external or internal classes alike.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

final class NestedScalars {
  private NestedScalars() {}

  static void write(JsonGenerator g, LogicalType type, Object v) throws IOException {
    switch (type.getTypeRoot()) {
      case BOOLEAN -> g.writeBoolean((Boolean) v);
      case TINYINT, SMALLINT, INTEGER -> g.writeNumber(((Number) v).intValue());
      case FLOAT, DOUBLE -> g.writeNumber(((Number) v).doubleValue());
      case BIGINT -> g.writeString(v.toString());
      case DECIMAL -> g.writeString((v instanceof DecimalData d ? d.toBigDecimal() : (BigDecimal) v).toPlainString());
      case DATE -> g.writeString(v instanceof Integer days ? LocalDate.ofEpochDay(days).toString() : v.toString());
      case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> g.writeNumber(epochMillis(v));
    default -> g.writeString(v.toString()); // String and StringData alike
    }
  }

  private static long epochMillis(Object v) {
    if (v instanceof TimestampData t) return t.getMillisecond();
    if (v instanceof LocalDateTime t) return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    return ((Instant) v).toEpochMilli();
  }

  /** An external scalar in Flink's internal form (DATE as epoch days, TIMESTAMP* as TimestampData). */
  static Object toInternal(Object v, LogicalType type) {
    if (v instanceof String s) return StringData.fromString(s);
    if (v instanceof BigDecimal d && type instanceof DecimalType t) return DecimalData.fromBigDecimal(d, t.getPrecision(), t.getScale());
    if (v instanceof LocalDate d) return (int) d.toEpochDay();
    if (v instanceof LocalDateTime t) return TimestampData.fromLocalDateTime(t);
    if (v instanceof Instant t) return TimestampData.fromInstant(t);
    return v;
  }

  private static final Set<JsonToken> NUMBERS = Set.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);

  static Object read(JsonParser p, JsonToken t, LogicalType type) throws IOException {
    return switch (type.getTypeRoot()) {
      case BOOLEAN -> {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw new IllegalArgumentException("not a boolean");
        yield p.getBooleanValue();
      }
      case TINYINT -> (byte) integral(p, t, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> (short) integral(p, t, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> (int) integral(p, t, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case FLOAT -> (float) number(p, t);
      case DOUBLE -> number(p, t);
      case BIGINT -> Long.parseLong(p.getText());
      case DECIMAL -> decimal(p.getText(), (DecimalType) type);
      case CHAR, VARCHAR -> text(p, t);
      case DATE -> LocalDate.parse(text(p, t));
      case TIMESTAMP_WITHOUT_TIME_ZONE -> LocalDateTime.ofInstant(Instant.ofEpochMilli(p.getLongValue()), ZoneOffset.UTC);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instant.ofEpochMilli(p.getLongValue());
      default -> throw new IllegalArgumentException(type.asSummaryString() + " is not supported inside nested values");
    };
  }

  private static long integral(JsonParser p, JsonToken t, long min, long max) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) throw new IllegalArgumentException("not an integer");
    long v = p.getLongValue();
    if (v < min || v > max) throw new IllegalArgumentException("out of range");
    return v;
  }

  private static double number(JsonParser p, JsonToken t) throws IOException {
    if (!NUMBERS.contains(t)) throw new IllegalArgumentException("not a number");
    return p.getDoubleValue();
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) throw new IllegalArgumentException("not a string");
    return p.getText();
  }

  /** A decimal text at the column's scale (half-up), refused when it does not fit the precision. */
  static BigDecimal decimal(String text, DecimalType type) {
    BigDecimal d = new BigDecimal(text).setScale(type.getScale(), RoundingMode.HALF_UP);
    if (d.precision() > type.getPrecision()) throw new ArithmeticException("does not fit " + type.asSummaryString());
    return d;
  }
}
