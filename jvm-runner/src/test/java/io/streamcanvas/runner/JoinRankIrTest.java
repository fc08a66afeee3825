// IR parsing of join, intervalJoin, deduplicate, topN and orderBy: the golden fixtures read into records, and bad
// statements named precisely.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JoinRankIrTest {
  static TableProgram golden(String name) throws Exception {
    return IrReader.read(Files.readString(Path.of("../pipeline/fixtures", name + ".ir.json")));
  }

  static <T extends Statement> T find(TableProgram p, Class<T> type, String table) {
    return p.statements().stream().filter(type::isInstance).map(type::cast)
        .filter(s -> s.node().equals(table)).findFirst().orElseThrow();
  }

  @Test
  void readsJoinsWithRenamesAndKeys() throws Exception {
    Statement.Join full = find(golden("join-types"), Statement.Join.class, "full_j");
    assertEquals("full", full.joinType());
    assertEquals("right_region", full.keys().get(1).right());
    assertEquals("id", full.rightRenames().get(0).from());
    Statement.IntervalJoin ij = find(golden("interval-join"), Statement.IntervalJoin.class, "paid_in_time");
    assertEquals(-1_800_000L, ij.lowerMs());
    assertEquals(0L, ij.upperMs());
    assertEquals("pay_ts", ij.rightTime());
  }

  @Test
  void readsRankingStatements() throws Exception {
    Statement.Deduplicate last = find(golden("deduplicate"), Statement.Deduplicate.class, "last_click");
    assertEquals("last", last.keep());
    assertEquals("ts", last.timeColumn());
    assertNull(find(golden("deduplicate-proctime"), Statement.Deduplicate.class, "unique_devices").timeColumn());
    Statement.TopN top = find(golden("top-n"), Statement.TopN.class, "top2");
    assertEquals("rank", top.rankColumn());
    assertEquals("desc", top.orderBy().direction());
    Statement.OrderBy order = find(golden("order-by-limit"), Statement.OrderBy.class, "priciest");
    assertEquals(4, order.fetch());
  }

  @Test
  void namesBadStatements() {
    String badType = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"join\",\"table\":\"j\",\"input\":\"a\","
        + "\"right\":\"b\",\"joinType\":\"cross\",\"rightRenames\":[],\"keys\":[{\"left\":\"k\",\"right\":\"k2\"}]}]}";
    IrException e = assertThrows(IrException.class, () -> IrReader.read(badType));
    assertTrue(e.getMessage().contains("join.joinType must be one of"), e.getMessage());
    String noKeys = badType.replace("cross", "inner").replace("{\"left\":\"k\",\"right\":\"k2\"}", "");
    e = assertThrows(IrException.class, () -> IrReader.read(noKeys));
    assertTrue(e.getMessage().contains("join.keys must not be empty"), e.getMessage());
    String badBounds = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"intervalJoin\",\"table\":\"j\",\"input\":\"a\","
        + "\"right\":\"b\",\"joinType\":\"inner\",\"rightRenames\":[],\"keys\":[{\"left\":\"k\",\"right\":\"k2\"}],"
        + "\"leftTime\":\"t\",\"rightTime\":\"t2\",\"lowerMs\":5,\"upperMs\":1}]}";
    e = assertThrows(IrException.class, () -> IrReader.read(badBounds));
    assertTrue(e.getMessage().contains("lowerMs 5 is above upperMs 1"), e.getMessage());
    String badSort = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"orderBy\",\"table\":\"o\",\"input\":\"a\","
        + "\"orderBy\":[{\"column\":\"c\",\"direction\":\"up\"}],\"fetch\":3}]}";
    e = assertThrows(IrException.class, () -> IrReader.read(badSort));
    assertTrue(e.getMessage().contains("sort direction must be asc or desc"), e.getMessage());
    String badKeep = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"deduplicate\",\"table\":\"d\",\"input\":\"a\","
        + "\"keys\":[\"k\"],\"keep\":\"middle\"}]}";
    e = assertThrows(IrException.class, () -> IrReader.read(badKeep));
    assertTrue(e.getMessage().contains("deduplicate.keep must be first or last"), e.getMessage());
  }
}
