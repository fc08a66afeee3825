// A top-1's changelog made replayable: Flink 2.3 may send a group's new best row as +U alone (an upsert by the partition
// key; for ORDER BY … ASC over an insert-only input its planner even reports the rank as insert-only, so no consumer, not
// even a collect asking for ChangelogMode.all(), gets a -U). A top-1 holds one row per key, so a keyed step that remembers
// that row can put the missing -U back; downstream operators and readers then see an ordinary retract changelog.
package io.streamcanvas.runner.translate;

import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

public final class Top1Retractions {
  private Top1Retractions() {}

  /** `top1` (at most one row per `key`) with a -U of the replaced row before every +U or +I that replaces one. */
  public static Table apply(StreamTableEnvironment tEnv, Table top1, List<String> key, String name) {
    ResolvedSchema schema = top1.getResolvedSchema();
    List<String> names = schema.getColumnNames();
    int[] idx = key.stream().mapToInt(names::indexOf).toArray();
    var keyFields = key.stream()
        .map(k -> DataTypes.FIELD(k, schema.getColumn(k).map(Column::getDataType).orElseThrow()))
        .toList();
    TypeInformation<Row> keyType = ExternalTypeInfo.of(DataTypes.ROW(keyFields));
    DataStream<Row> changes = tEnv.toChangelogStream(top1, Schema.derived(), ChangelogMode.all());
    TypeInformation<Row> rowType = changes.getType();
    DataStream<Row> fixed = changes
        .keyBy(new KeyOf(idx), keyType)
        .process(new PutBackRetractions(rowType), rowType)
        .name("Top-1 retractions: " + name);
    return tEnv.fromChangelogStream(fixed, Schema.derived(), ChangelogMode.all());
  }

  static final class KeyOf implements KeySelector<Row, Row> {
    private final int[] idx;

    KeyOf(int[] idx) {
      this.idx = idx;
    }

    public Row getKey(Row row) {
      Row key = new Row(idx.length);
      for (int i = 0; i < idx.length; i++) key.setField(i, row.getField(idx[i]));
      return key;
    }
  }

  static final class PutBackRetractions extends KeyedProcessFunction<Row, Row, Row> {
    private final TypeInformation<Row> rowType;
    private transient ValueState<Row> current;

    PutBackRetractions(TypeInformation<Row> rowType) {
      this.rowType = rowType;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
      current = getRuntimeContext().getState(new ValueStateDescriptor<>("current", rowType));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
      Row held = current.value();
      if (row.getKind() == RowKind.UPDATE_BEFORE || row.getKind() == RowKind.DELETE) {
        current.clear();
        out.collect(row);
        return;
      }
      if (held != null) {
        // the key's row is being replaced without Flink having retracted it: retract it here
        Row before = Row.copy(held);
        before.setKind(RowKind.UPDATE_BEFORE);
        out.collect(before);
        row.setKind(RowKind.UPDATE_AFTER);
      }
      Row kept = Row.copy(row);
      kept.setKind(RowKind.INSERT);
      current.update(kept);
      out.collect(row);
    }
  }
}
