// Row values ↔ the worker's JSON wire form: BIGINT and DECIMAL as exact strings, TIMESTAMP* as epoch millis.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;

final class WireCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private final String udfName;
  private final List<UdfSpec.Column> outColumns;
  private final LogicalType[] inTypes;
  private final LogicalType[] outTypes;

  WireCodec(UdfSpec spec) {
    this.udfName = spec.name();
    this.outColumns = spec.outputColumns();
    this.inTypes = logical(spec.inputColumns());
    this.outTypes = logical(spec.outputColumns());
  }

  private static LogicalType[] logical(List<UdfSpec.Column> cols) {
    return UdfSpec.rowType(cols).getChildren().stream().map(d -> d.getLogicalType()).toArray(LogicalType[]::new);
  }

  byte[] encode(List<Row> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 128);
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.writeStartArray();
      for (Row row : rows) {
        g.writeStartArray();
        for (int i = 0; i < inTypes.length; i++) write(g, inTypes[i].getTypeRoot(), row.getField(i));
        g.writeEndArray();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(JsonGenerator g, LogicalTypeRoot root, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    switch (root) {
      case BOOLEAN -> g.writeBoolean((Boolean) v);
      case TINYINT, SMALLINT, INTEGER -> g.writeNumber(((Number) v).intValue());
      case FLOAT, DOUBLE -> g.writeNumber(((Number) v).doubleValue());
      case BIGINT -> g.writeString(v.toString());
      case DECIMAL -> g.writeString(((BigDecimal) v).toPlainString());
      case TIMESTAMP_WITHOUT_TIME_ZONE -> g.writeNumber(((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> g.writeNumber(((Instant) v).toEpochMilli());
      default -> g.writeString(v.toString());
    }
  }

  /** One row as a JSON array of wire values (an aggregate buffers rows in its accumulator in this form). */
  String encodeRow(Row row) {
    java.io.StringWriter text = new java.io.StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartArray();
      for (int i = 0; i < inTypes.length; i++) write(g, inTypes[i].getTypeRoot(), row.getField(i));
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The worker's result rows, checked against the declared output types. */
  List<Row> decode(byte[] body, int expectedRows) {
    List<Row> out = new ArrayList<>(expectedRows);
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_ARRAY) out.add(readRow(p));
    } catch (IOException e) {
      throw unreadable(e);
    }
    checkCount(out.size(), expectedRows);
    return out;
  }

  /** A flatMap's answer: for each input row, the array of rows it produced. */
  List<List<Row>> decodeNested(byte[] body, int expectedRows) {
    List<List<Row>> out = new ArrayList<>(expectedRows);
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_ARRAY) {
        List<Row> rows = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_ARRAY) rows.add(readRow(p));
        out.add(rows);
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    checkCount(out.size(), expectedRows);
    return out;
  }

  /** One row given as a JSON array of wire values (an aggregate's result). */
  Row decodeRow(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      return readRow(p);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The fields of a row whose START_ARRAY was just read, through its END_ARRAY. */
  private Row readRow(JsonParser p) throws IOException {
    Row row = new Row(outTypes.length);
    for (int i = 0; i < outTypes.length; i++) row.setField(i, read(p, p.nextToken(), i));
    expect(p.nextToken(), JsonToken.END_ARRAY);
    return row;
  }

  private UdfException unreadable(IOException e) {
    return new UdfException("UDF \"" + udfName + "\": unreadable result from its worker: " + e.getMessage());
  }

  private void checkCount(int got, int expectedRows) {
    if (got != expectedRows) {
      throw new UdfException("UDF \"" + udfName + "\": worker returned " + got + " rows for " + expectedRows);
    }
  }

  private Object read(JsonParser p, JsonToken t, int i) throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    LogicalType type = outTypes[i];
    try {
      return switch (type.getTypeRoot()) {
        case BOOLEAN -> p.getBooleanValue();
        case TINYINT -> (byte) integral(p);
        case SMALLINT -> (short) integral(p);
        case INTEGER -> Math.toIntExact(integral(p));
        case FLOAT -> p.getFloatValue();
        case DOUBLE -> p.getDoubleValue();
        case BIGINT -> Long.parseLong(p.getText());
        case DECIMAL -> decimal(p.getText(), (DecimalType) type);
        case CHAR, VARCHAR -> text(p, t);
        case DATE -> LocalDate.parse(text(p, t));
        case TIMESTAMP_WITHOUT_TIME_ZONE -> LocalDateTime.ofInstant(Instant.ofEpochMilli(p.getLongValue()), ZoneOffset.UTC);
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instant.ofEpochMilli(p.getLongValue());
        default -> throw new IllegalStateException("unsupported type");
      };
    } catch (RuntimeException | IOException e) {
      UdfSpec.Column c = outColumns.get(i);
      throw new UdfException("UDF \"" + udfName + "\" returned an invalid value for column \"" + c.name() + "\" ("
          + c.type() + "): " + p.getText() + " (" + e.getMessage() + ")");
    }
  }

  private static long integral(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw new IllegalArgumentException("not an integer");
    return p.getLongValue();
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) throw new IllegalArgumentException("not a string");
    return p.getText();
  }

  private static BigDecimal decimal(String text, DecimalType type) {
    BigDecimal d = new BigDecimal(text).setScale(type.getScale(), RoundingMode.HALF_UP);
    if (d.precision() > type.getPrecision()) throw new ArithmeticException("does not fit " + type.asSummaryString());
    return d;
  }

  private static void expect(JsonToken got, JsonToken want) throws IOException {
    if (got != want) throw new IOException("expected " + want + " but got " + got);
  }
}
