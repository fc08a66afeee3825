// A TypeScript aggregate UDF (create / add / merge / result) as a Flink AggregateFunction. The worker is stateless:
// the accumulator is a ROW in Flink state holding the TS accumulator as JSON plus the rows added since the last call to
// the worker, so checkpoints capture everything; rows go to the worker in batches, when the buffer is full or a
// result is needed (group-by with mini-batch asks once per key and bundle, windows once when they fire).
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

public final class TsAggregateFunction extends AggregateFunction<Row, Row> {
  /** Rows buffered in an accumulator before they go to the worker (bounds the state each access copies). */
  static final int MAX_BUFFERED = 256;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** state: the TS accumulator as JSON (null before the first call); rows: buffered wire rows "[…],[…]"; result: cached. */
  static final DataType ACCUMULATOR = DataTypes.ROW(
      DataTypes.FIELD("state", DataTypes.STRING()),
      DataTypes.FIELD("rows", DataTypes.STRING().notNull()),
      DataTypes.FIELD("count", DataTypes.INT().notNull()),
      DataTypes.FIELD("result", DataTypes.STRING())).notNull();
  private static final int STATE = 0, ROWS = 1, COUNT = 2, RESULT = 3;

  private final UdfSpec spec;
  private final WorkerSettings settings;
  private transient WorkerProcess worker;
  private transient WireCodec codec;

  public TsAggregateFunction(UdfSpec spec, WorkerSettings settings) {
    if (!spec.kind().equals("aggregate")) throw new IllegalArgumentException("not an aggregate UDF: " + spec.kind());
    this.spec = spec;
    this.settings = settings;
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    codec = new WireCodec(spec);
    worker = WorkerProcess.start(spec, settings, context);
  }

  @Override
  public Row createAccumulator() {
    return Row.of(null, "", 0, null);
  }

  /** One value per input column, in inputColumns order. */
  public void accumulate(Row acc, Object... values) {
    String row = codec.encodeRow(Row.of(values));
    String rows = (String) acc.getField(ROWS);
    acc.setField(ROWS, rows.isEmpty() ? row : rows + "," + row);
    acc.setField(COUNT, (Integer) acc.getField(COUNT) + 1);
    acc.setField(RESULT, null);
    if ((Integer) acc.getField(COUNT) >= MAX_BUFFERED) call(acc, null, false);
  }

  public void merge(Row acc, Iterable<Row> others) {
    ArrayNode merge = JSON.createArrayNode();
    for (Row o : others) {
      ObjectNode m = merge.addObject().put("state", (String) o.getField(STATE));
      m.set("rows", rows(o));
    }
    if (!merge.isEmpty()) call(acc, merge, false);
  }

  @Override
  public Row getValue(Row acc) {
    if (acc.getField(RESULT) == null) call(acc, null, true);
    return codec.decodeRow((String) acc.getField(RESULT));
  }

  /** Sends the accumulator and its buffered rows (and others to merge in) to the worker; stores what comes back. */
  private void call(Row acc, ArrayNode merge, boolean result) {
    ObjectNode req = JSON.createObjectNode().put("state", (String) acc.getField(STATE)).put("result", result);
    req.set("rows", rows(acc));
    if (merge != null) req.set("merge", merge);
    try {
      JsonNode answer = JSON.readTree(worker.call(WorkerProcess.AGGREGATE, JSON.writeValueAsBytes(req)));
      acc.setField(STATE, answer.get("state").asText());
      acc.setField(ROWS, "");
      acc.setField(COUNT, 0);
      acc.setField(RESULT, result ? answer.get("result").toString() : null);
    } catch (IOException e) {
      throw new UdfException("UDF \"" + spec.name() + "\": unreadable answer from its worker: " + e.getMessage());
    }
  }

  private static JsonNode rows(Row acc) {
    try {
      return JSON.readTree("[" + acc.getField(ROWS) + "]");
    } catch (IOException e) {
      throw new UdfException("corrupt aggregate accumulator: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (worker != null) worker.close();
  }

  @Override
  public TypeInference getTypeInference(DataTypeFactory typeFactory) {
    return TypeInference.newBuilder()
        .typedArguments(spec.inputColumns().stream().map(c -> UdfSpec.rowType(java.util.List.of(c)).getChildren()
            .get(0)).toList())
        .accumulatorTypeStrategy(TypeStrategies.explicit(ACCUMULATOR))
        .outputTypeStrategy(TypeStrategies.explicit(UdfSpec.rowType(spec.outputColumns()).notNull()))
        .build();
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public String toString() {
    return "ts-aggregate:" + spec.name();
  }
}
