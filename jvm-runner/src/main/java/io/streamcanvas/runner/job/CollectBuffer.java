// Drains one collect sink's iterator on its own thread, keeping the last maxRows rows and a count of all rows.
package io.streamcanvas.runner.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.translate.ProgramContext.CollectSink;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class CollectBuffer {
  private static final Logger LOG = LoggerFactory.getLogger(CollectBuffer.class);

  private record Received(String kind, ArrayNode values) {}

  private final CollectSink sink;
  private final ArrayDeque<Received> rows = new ArrayDeque<>();
  private long total;
  private volatile boolean done;
  private final Thread thread;

  public CollectBuffer(CollectSink sink, String jobId) {
    this.sink = sink;
    this.thread = new Thread(this::drain, "collect-" + jobId + "-" + sink.sinkId());
    thread.setDaemon(true);
  }

  public String sinkId() {
    return sink.sinkId();
  }

  public void start() {
    thread.start();
  }

  /** True once the iterator ended, normally or with the job's failure or cancellation. */
  public boolean isDone() {
    return done;
  }

  /** Waits up to timeoutMs for the remaining rows of a finished job to arrive. */
  public void awaitDone(long timeoutMs) throws InterruptedException {
    thread.join(Math.max(1, timeoutMs));
  }

  private void drain() {
    List<LogicalType> types = sink.columnTypes();
    try (var it = sink.rows()) {
      while (it.hasNext()) {
        Row row = it.next();
        Received r = new Received(row.getKind().shortString(), RowEncoder.encode(row, types));
        synchronized (this) {
          if (rows.size() == sink.maxRows()) rows.removeFirst();
          rows.addLast(r);
          total++;
        }
      }
    } catch (Exception e) {
      // The job's own status and error tell the caller what happened; the iterator only stops.
      LOG.debug("collect sink {} stopped: {}", sink.sinkId(), e.toString());
    } finally {
      done = true;
    }
  }

  /** CollectResult of API.md: columns, the kept rows oldest first, and the total received. */
  public synchronized ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode out = json.objectNode();
    ArrayNode columns = out.putArray("columns");
    for (int i = 0; i < sink.columnNames().size(); i++) {
      columns.addObject().put("name", sink.columnNames().get(i)).put("type", sink.columnTypes().get(i).asSummaryString());
    }
    ArrayNode list = out.putArray("rows");
    for (Received r : rows) {
      ObjectNode o = list.addObject();
      o.put("kind", r.kind());
      o.set("values", r.values());
    }
    out.put("total", total);
    return out;
  }
}
