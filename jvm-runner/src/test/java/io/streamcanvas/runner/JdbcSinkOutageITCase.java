// A PostgreSQL upsert sink whose database goes away mid-run (pg_ctl stop, then start again on the same port): the
// job retries and restarts from its last checkpoint, and the table ends with every row exactly once (replayed rows
// are upserts by key, so nothing is doubled) and none lost.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({SharedCluster.class, PostgresServer.class})
class JdbcSinkOutageITCase {
  static final String PROGRAM = """
      {"irVersion": 1, "name": "jdbc-outage", "config": {"parallelism.default": "1", "execution.checkpointing.interval": "500 ms",
        "restart-strategy.type": "fixed-delay", "restart-strategy.fixed-delay.attempts": "30", "restart-strategy.fixed-delay.delay": "1 s"},
       "statements": [
        {"op": "from", "table": "ticks", "descriptor": {"connector": "datagen", "schema": [{"name": "id", "type": "BIGINT"},
          {"name": "v", "type": "BIGINT"}], "options": {"rows-per-second": "500", "fields.id.kind": "sequence", "fields.id.start": "1",
          "fields.id.end": "3000", "fields.v.kind": "sequence", "fields.v.start": "1", "fields.v.end": "3000"}}},
        {"op": "insertInto", "sink": "out", "input": "ticks", "descriptor": {"connector": "jdbc", "connection": "shop-db",
          "primaryKey": ["id"], "options": {"table-name": "\\"public\\".\\"outage\\"", "sink.buffer-flush.max-rows": "50",
          "sink.buffer-flush.interval": "200 ms", "sink.max-retries": "1"}}}]}
      """;

  @Test
  void an_upsert_sink_rides_out_its_database_going_away_with_nothing_lost_or_doubled() throws Exception {
    JdbcNodesITCase.database();
    JdbcNodesITCase.sql("CREATE TABLE outage (id BIGINT PRIMARY KEY, v BIGINT)");
    RunningJob job = SharedCluster.submitter().submit(IrReader.read(PROGRAM),
        JdbcNodesITCase.shopDb(JdbcNodesITCase.url(), PostgresServer.password()));
    long deadline = System.currentTimeMillis() + 60_000;
    while (count() < 300 && System.currentTimeMillis() < deadline) Thread.sleep(50);
    PostgresServer.pause();
    try {
      Thread.sleep(2_500);
    } finally {
      PostgresServer.resume();
    }
    assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 120_000), () -> job.toJson(true).toPrettyString());
    assertEquals(List.of("3000|4501500|0"), JdbcNodesITCase.query("SELECT count(*), sum(v), count(*) FILTER (WHERE v <> id) FROM outage"));
  }

  static long count() throws Exception {
    return Long.parseLong(JdbcNodesITCase.query("SELECT count(*) FROM outage").get(0));
  }
}
