// Row values ↔ the worker's wire forms: batches in the binary layout of BinaryRows, an aggregate's rows and result as
// JSON arrays (BIGINT and DECIMAL as exact strings, TIMESTAMP* as epoch millis), which its Flink state keeps.
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalSerializers;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;

final class WireCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private final String udfName;
  private final List<UdfSpec.Column> outColumns;
  private final LogicalType[] inTypes;
  private final LogicalType[] outTypes;
  private final RowData.FieldGetter[] inGetters;
  private final int[] echo;
  private final TypeSerializer<Object>[] echoCopiers;

  WireCodec(UdfSpec spec) {
    this.udfName = spec.name();
    this.outColumns = spec.outputColumns();
    this.inTypes = logical(spec.inputColumns());
    this.outTypes = logical(spec.outputColumns());
    this.inGetters = new RowData.FieldGetter[inTypes.length];
    for (int i = 0; i < inTypes.length; i++) inGetters[i] = RowData.createFieldGetter(inTypes[i], i);
    this.echo = spec.echoInputs();
    @SuppressWarnings("unchecked")
    TypeSerializer<Object>[] copiers = Arrays.stream(echo).mapToObj(i -> InternalSerializers.create(inTypes[i])).toArray(TypeSerializer[]::new);
    this.echoCopiers = copiers;
  }

  private static LogicalType[] logical(List<UdfSpec.Column> cols) {
    return UdfSpec.rowType(cols).getChildren().stream().map(d -> d.getLogicalType()).toArray(LogicalType[]::new);
  }

  /** Appends one input row's columns to a batch for the worker (frame b), read from Flink's internal row. */
  void encode(BinaryRows.Out out, RowData row) {
    for (int i = 0; i < inTypes.length; i++) BinaryRows.write(out, inTypes[i], inGetters[i].getFieldOrNull(row));
  }

  /** Copies of the input fields handed back beside the answer (UdfSpec.echoInputs): Flink may reuse the row. */
  Object[] echo(RowData row) {
    Object[] values = new Object[echo.length];
    for (int e = 0; e < echo.length; e++) {
      Object v = inGetters[echo[e]].getFieldOrNull(row);
      values[e] = v == null ? null : echoCopiers[e].copy(v);
    }
    return values;
  }

  /** One value as JSON wire text: scalars as NestedScalars writes them inside nested values, the same encoding. */
  private static void write(JsonGenerator g, LogicalType type, Object v) throws IOException {
    if (v == null) g.writeNull();
    else if (NestedValues.isNested(type)) NestedValues.write(g, type, v);
    else NestedScalars.write(g, type, v);
  }

  /** One row as a JSON array of wire values (an aggregate buffers rows in its accumulator in this form). */
  String encodeRow(Row row) {
    java.io.StringWriter text = new java.io.StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartArray();
      for (int i = 0; i < inTypes.length; i++) write(g, inTypes[i], row.getField(i));
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The worker's answer to a batch (frame r): one row per input row, checked against the declared output types. */
  List<GenericRowData> decode(byte[] body, int expectedRows) {
    BinaryRows.In in = new BinaryRows.In(body);
    List<GenericRowData> out;
    try {
      checkCount(in.i32(), expectedRows);
      out = BinaryRows.rows(in, expectedRows, outTypes, this::invalid);
    } catch (IllegalArgumentException e) {
      throw new UdfException("UDF \"" + udfName + "\": unreadable result from its worker: " + e.getMessage());
    }
    if (!in.done()) throw new UdfException("UDF \"" + udfName + "\": unreadable result from its worker: trailing bytes");
    return out;
  }

  /** A flatMap's answer: for each input row, u32 count and the rows it produced. */
  List<List<GenericRowData>> decodeNested(byte[] body, int expectedRows) {
    BinaryRows.In in = new BinaryRows.In(body);
    List<List<GenericRowData>> out = new ArrayList<>(expectedRows);
    try {
      checkCount(in.i32(), expectedRows);
      for (int r = 0; r < expectedRows; r++) {
        int n = in.i32();
        if (n < 0 || n > body.length) throw new IllegalArgumentException("bad row count " + n);
        out.add(BinaryRows.rows(in, n, outTypes, this::invalid));
      }
    } catch (IllegalArgumentException e) {
      throw new UdfException("UDF \"" + udfName + "\": unreadable result from its worker: " + e.getMessage());
    }
    if (!in.done()) throw new UdfException("UDF \"" + udfName + "\": unreadable result from its worker: trailing bytes");
    return out;
  }

  private UdfException invalid(int i, RuntimeException e) {
    UdfSpec.Column c = outColumns.get(i);
    return new UdfException("UDF \"" + udfName + "\" returned an invalid value for column \"" + c.name() + "\" ("
        + c.type() + "): " + e.getMessage());
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
      return NestedValues.isNested(type) ? NestedValues.read(p, type) : NestedScalars.read(p, t, type);
    } catch (RuntimeException | IOException e) {
      UdfSpec.Column c = outColumns.get(i);
      throw new UdfException("UDF \"" + udfName + "\" returned an invalid value for column \"" + c.name() + "\" ("
          + c.type() + "): " + p.getText() + " (" + e.getMessage() + ")");
    }
  }

  private static void expect(JsonToken got, JsonToken want) throws IOException {
    if (got != want) throw new IOException("expected " + want + " but got " + got);
  }
}
