// State shared by the translators of one program: the environments, named intermediate tables, sinks so far.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

public final class ProgramContext {
  /** A collect statement's iterator over the job's rows, with the column types to encode them. */
  public record CollectSink(String sinkId, int maxRows, List<String> columnNames, List<LogicalType> columnTypes,
      CloseableIterator<Row> rows) {}

  private final DataRoot dataRoot;
  private final Map<String, Connection> connections;
  private final String transactionalIdBase;
  private final StreamExecutionEnvironment env;
  private final StreamTableEnvironment tEnv;
  private final StreamStatementSet statementSet;
  private final Map<String, Table> tables = new HashMap<>();
  private final Set<String> sinkIds = new HashSet<>();
  private final List<CollectSink> collects = new ArrayList<>();
  private int insertCount;
  private int viewCount;

  public ProgramContext(StreamExecutionEnvironment env, StreamTableEnvironment tEnv) {
    this(env, tEnv, DataRoot.NONE);
  }

  public ProgramContext(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, DataRoot dataRoot) {
    this(env, tEnv, dataRoot, Map.of());
  }

  public ProgramContext(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, DataRoot dataRoot, Map<String, Connection> connections) {
    this(env, tEnv, dataRoot, connections, "sc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
  }

  /** `transactionalIdBase`: what makes an exactly-once Kafka sink's transactional ids unique to this pipeline and run. */
  public ProgramContext(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, DataRoot dataRoot, Map<String, Connection> connections,
      String transactionalIdBase) {
    this.transactionalIdBase = transactionalIdBase;
    this.connections = Map.copyOf(connections);
    this.dataRoot = dataRoot;
    this.env = env;
    this.tEnv = tEnv;
    this.statementSet = tEnv.createStatementSet();
  }

  public StreamExecutionEnvironment env() {
    return env;
  }

  /** where filesystem sources and sinks may read and write */
  public DataRoot dataRoot() {
    return dataRoot;
  }

  /** the connections given with the submission, by name (secrets included: never print them) */
  public Map<String, Connection> connections() {
    return connections;
  }

  /** prefixed to an exactly-once Kafka sink's transactional id prefix (translate/KafkaDescriptors) */
  public String transactionalIdBase() {
    return transactionalIdBase;
  }

  public StreamTableEnvironment tEnv() {
    return tEnv;
  }

  public StreamStatementSet statementSet() {
    return statementSet;
  }

  public Table table(String name) {
    Table t = tables.get(name);
    if (t == null) throw new IrException("table \"" + name + "\" is not defined by an earlier statement");
    return t;
  }

  public void define(String name, Table table) {
    if (tables.putIfAbsent(name, table) != null) throw new IrException("table \"" + name + "\" is defined twice");
  }

  public void addInsert(String sinkId) {
    claimSink(sinkId);
    insertCount++;
  }

  public void addCollect(CollectSink sink) {
    claimSink(sink.sinkId());
    collects.add(sink);
  }

  private void claimSink(String sinkId) {
    if (!sinkIds.add(sinkId)) throw new IrException("sink \"" + sinkId + "\" appears twice");
  }

  /** A temporary view name unique within this program (each program has its own table environment). */
  public String nextViewName() {
    return "__streamcanvas_view_" + (++viewCount);
  }

  public int insertCount() {
    return insertCount;
  }

  public List<CollectSink> collects() {
    return List.copyOf(collects);
  }
}
