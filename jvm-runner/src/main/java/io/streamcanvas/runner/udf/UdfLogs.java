// console.* lines of TS UDFs per job, bounded, for the control API's GET /jobs/{id}/logs (the workers of an embedded
// MiniCluster run in this JVM; on a remote TaskManager the lines only reach that TaskManager's log).
package io.streamcanvas.runner.udf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

public final class UdfLogs {
  /** Lines kept per job (the oldest go first) and jobs kept (the least recently written go first). */
  static final int MAX_LINES = 1000;
  static final int MAX_JOBS = 64;

  private record Line(long seq, long time, String udf, String level, String text) {}

  private static final class Buffer {
    final ArrayDeque<Line> lines = new ArrayDeque<>();
    long next;
    long dropped;
  }

  private static final Map<String, Buffer> JOBS = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Buffer> eldest) {
      return size() > MAX_JOBS;
    }
  };

  private UdfLogs() {}

  static synchronized void append(String jobId, String udf, String level, String text) {
    Buffer b = JOBS.computeIfAbsent(jobId, k -> new Buffer());
    if (b.lines.size() == MAX_LINES) {
      b.lines.removeFirst();
      b.dropped++;
    }
    b.lines.addLast(new Line(b.next++, System.currentTimeMillis(), udf, level, text));
  }

  /** {"lines":[{"seq","time","udf","level","line"}],"dropped":n}: the job's kept lines, oldest first. */
  public static synchronized ObjectNode toJson(String jobId) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode arr = o.putArray("lines");
    Buffer b = JOBS.get(jobId);
    if (b != null) {
      for (Line l : b.lines) {
        arr.addObject().put("seq", l.seq()).put("time", l.time()).put("udf", l.udf()).put("level", l.level())
            .put("line", l.text());
      }
    }
    o.put("dropped", b == null ? 0 : b.dropped);
    return o;
  }
}
