// Rows ↔ the worker's binary batch frames (b / r): per value a presence byte, then a fixed-width number or UTF-8 text.
package io.streamcanvas.runner.udf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * The layout (little-endian), one value after the other in column order: a presence byte (0 = null), then by type
 * BOOLEAN u8; TINYINT, SMALLINT, INT i32; BIGINT i64; FLOAT, DOUBLE f64; TIMESTAMP, TIMESTAMP_LTZ f64 epoch millis;
 * anything else u32 byte length + UTF-8 text (DECIMAL plain, DATE yyyy-mm-dd, ROW / ARRAY / MAP their JSON: NestedValues). A batch is u32 row count + rows; a
 * flatMap's answer gives, per input row, u32 count + the rows it yields. JSON cost ~0.3 µs per row on each side of
 * the pipe for 100-byte rows; this costs a copy of the string bytes and a few fixed-width writes.
 */
final class BinaryRows {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private BinaryRows() {}

  /** A growable little-endian byte buffer. */
  static final class Out {
    byte[] bytes;
    int size;

    Out(int capacity) {
      bytes = new byte[Math.max(64, capacity)];
    }

    private void room(int n) {
      if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }

    void u8(int v) {
      room(1);
      bytes[size++] = (byte) v;
    }

    void i32(int v) {
      room(4);
      INT.set(bytes, size, v);
      size += 4;
    }

    void i32At(int pos, int v) {
      INT.set(bytes, pos, v);
    }

    void i64(long v) {
      room(8);
      LONG.set(bytes, size, v);
      size += 8;
    }

    void f64(double v) {
      room(8);
      DOUBLE.set(bytes, size, v);
      size += 8;
    }

    void text(String s) {
      utf8(s.getBytes(StandardCharsets.UTF_8));
    }

    void utf8(byte[] utf8) {
      room(4 + utf8.length);
      INT.set(bytes, size, utf8.length);
      System.arraycopy(utf8, 0, bytes, size + 4, utf8.length);
      size += 4 + utf8.length;
    }
  }

  /** A cursor over a frame's body. */
  static final class In {
    final byte[] bytes;
    int pos;

    In(byte[] bytes) {
      this.bytes = bytes;
    }

    private int need(int n) {
      if (pos + n > bytes.length) throw new IllegalArgumentException("the frame ends early, at byte " + pos);
      int at = pos;
      pos += n;
      return at;
    }

    int u8() {
      return bytes[need(1)] & 0xff;
    }

    int i32() {
      return (int) INT.get(bytes, need(4));
    }

    long i64() {
      return (long) LONG.get(bytes, need(8));
    }

    double f64() {
      return (double) DOUBLE.get(bytes, need(8));
    }

    String text() {
      int len = i32();
      if (len < 0) throw new IllegalArgumentException("negative text length at byte " + (pos - 4));
      int at = need(len);
      return new String(bytes, at, len, StandardCharsets.UTF_8);
    }

    /** Skips n bytes, returning where they start. */
    int skip(int n) {
      return need(n);
    }

    boolean done() {
      return pos == bytes.length;
    }
  }

  /** Writes one value in Flink's internal form (RowData's: StringData, DecimalData, TimestampData, epoch-day ints…). */
  static void write(Out out, LogicalType type, Object v) {
    if (v == null) {
      out.u8(0);
      return;
    }
    out.u8(1);
    switch (type.getTypeRoot()) {
      case BOOLEAN -> out.u8((Boolean) v ? 1 : 0);
      case TINYINT, SMALLINT, INTEGER -> out.i32(((Number) v).intValue());
      case BIGINT -> out.i64((Long) v);
      case FLOAT, DOUBLE -> out.f64(((Number) v).doubleValue());
      case DECIMAL -> out.text(((DecimalData) v).toBigDecimal().toPlainString());
      case CHAR, VARCHAR -> out.utf8(((StringData) v).toBytes());
      case DATE -> out.text(LocalDate.ofEpochDay((Integer) v).toString());
      case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> out.f64(((TimestampData) v).getMillisecond());
      case ROW, ARRAY, MAP, MULTISET -> out.text(NestedValues.toJson(type, v));
      default -> out.text(v.toString());
    }
  }

  /**
   * One value of the given type in Flink's internal form; throws IllegalArgumentException or ArithmeticException for
   * one that does not fit. Strings share the frame's bytes (each frame is a fresh array) instead of being copied.
   */
  static Object read(In in, LogicalType type) {
    int present = in.u8();
    if (present == 0) return null;
    if (present != 1) throw new IllegalArgumentException("bad presence byte " + present);
    return switch (type.getTypeRoot()) {
      case BOOLEAN -> in.u8() != 0;
      case TINYINT -> {
        int v = in.i32();
        if (v != (byte) v) throw new ArithmeticException(v + " does not fit TINYINT");
        yield (byte) v;
      }
      case SMALLINT -> {
        int v = in.i32();
        if (v != (short) v) throw new ArithmeticException(v + " does not fit SMALLINT");
        yield (short) v;
      }
      case INTEGER -> in.i32();
      case BIGINT -> in.i64();
      case FLOAT -> (float) in.f64();
      case DOUBLE -> in.f64();
      case DECIMAL -> {
        DecimalType d = (DecimalType) type;
        yield DecimalData.fromBigDecimal(NestedScalars.decimal(in.text(), d), d.getPrecision(), d.getScale());
      }
      case CHAR, VARCHAR -> {
        int len = in.i32();
        if (len < 0) throw new IllegalArgumentException("negative text length");
        yield BinaryStringData.fromBytes(in.bytes, in.skip(len), len);
      }
      case DATE -> (int) LocalDate.parse(in.text()).toEpochDay();
      case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TimestampData.fromEpochMillis(millis(in.f64()));
      case ROW, ARRAY, MAP, MULTISET -> NestedValues.fromJsonInternal(type, in.text());
      default -> throw new IllegalStateException("unsupported type " + type.asSummaryString());
    };
  }

  private static long millis(double ms) {
    if (!Double.isFinite(ms)) throw new IllegalArgumentException("not a time: " + ms);
    return (long) ms;
  }

  /** Rows of the given types (internal form); a value that does not fit becomes the UDF's error for its column. */
  static List<GenericRowData> rows(In in, int count, LogicalType[] types, RowError onError) {
    List<GenericRowData> out = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      GenericRowData row = new GenericRowData(types.length);
      for (int i = 0; i < types.length; i++) {
        try {
          row.setField(i, read(in, types[i]));
        } catch (RuntimeException e) {
          throw onError.at(i, e);
        }
      }
      out.add(row);
    }
    return out;
  }

  /** Turns a value that does not fit its column into the UDF's error. */
  interface RowError {
    RuntimeException at(int column, RuntimeException cause);
  }
}
