// IR parsing of the table operations of issue 3 (fromValues, column ops, unionAll, distinct, groupBy) and their contract checks.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import org.junit.jupiter.api.Test;

class TableOpsIrTest {
  static final String VALUES = "{\"op\":\"fromValues\",\"table\":\"v\",\"columns\":[{\"name\":\"a\",\"type\":\"INT\"},"
      + "{\"name\":\"b\",\"type\":\"STRING\"}],\"rows\":[[\"1\",null],[\"2\",\"x\"]]}";

  static TableProgram program(String... statements) {
    return IrReader.read("{\"irVersion\":1,\"name\":\"t\",\"statements\":[" + String.join(",", statements) + "]}");
  }

  @Test
  void readsTheTableOperations() {
    TableProgram p = program(VALUES,
        "{\"op\":\"addColumns\",\"table\":\"a\",\"input\":\"v\",\"fields\":[{\"expr\":{\"kind\":\"col\",\"name\":\"a\"},\"as\":\"c\"}]}",
        "{\"op\":\"renameColumns\",\"table\":\"r\",\"input\":\"a\",\"renames\":[{\"from\":\"c\",\"to\":\"d\"}]}",
        "{\"op\":\"dropColumns\",\"table\":\"d\",\"input\":\"r\",\"columns\":[\"b\"]}",
        "{\"op\":\"unionAll\",\"table\":\"u\",\"input\":\"d\",\"right\":\"d\"}",
        "{\"op\":\"distinct\",\"table\":\"x\",\"input\":\"u\"}",
        "{\"op\":\"groupBy\",\"table\":\"g\",\"input\":\"x\",\"keys\":[],\"aggregates\":[{\"fn\":\"count_distinct\",\"column\":\"a\",\"as\":\"n\"}]}");
    Statement.FromValues v = assertInstanceOf(Statement.FromValues.class, p.statements().get(0));
    assertTrue(v.rows().get(0).get(1).isNull(), "a JSON null cell stays a null node");
    assertEquals("x", v.rows().get(1).get(1).textValue());
    assertEquals("d", assertInstanceOf(Statement.RenameColumns.class, p.statements().get(2)).renames().get(0).to());
    assertEquals("d", assertInstanceOf(Statement.UnionAll.class, p.statements().get(4)).right());
    Statement.GroupBy g = assertInstanceOf(Statement.GroupBy.class, p.statements().get(6));
    assertEquals("count_distinct", g.aggregates().get(0).fn());
    assertEquals("groupBy", g.op());
  }

  @Test
  void rejectsARowWithTheWrongNumberOfCells() {
    String bad = VALUES.replace("[\"1\",null]", "[\"1\"]");
    IrException e = assertThrows(IrException.class, () -> program(bad));
    assertTrue(e.getMessage().contains("must have 2 cells"), e.getMessage());
  }

  @Test
  void rejectsAnUnknownAggregateFunction() {
    IrException e = assertThrows(IrException.class, () -> program(VALUES,
        "{\"op\":\"groupBy\",\"table\":\"g\",\"input\":\"v\",\"keys\":[\"b\"],\"aggregates\":[{\"fn\":\"median\",\"column\":\"a\",\"as\":\"m\"}]}"));
    assertTrue(e.getMessage().contains("unknown aggregate function \"median\""), e.getMessage());
  }

  @Test
  void rejectsAGroupByWithoutAggregates() {
    IrException e = assertThrows(IrException.class, () -> program(VALUES,
        "{\"op\":\"groupBy\",\"table\":\"g\",\"input\":\"v\",\"keys\":[\"b\"],\"aggregates\":[]}"));
    assertTrue(e.getMessage().contains("groupBy.aggregates must not be empty"), e.getMessage());
  }

  @Test
  void readsWatermarksAndWindows() {
    String values = VALUES.replace("]]}", "]],\"watermark\":{\"column\":\"a\",\"delayMs\":250}}");
    TableProgram p = program(values,
        "{\"op\":\"window\",\"table\":\"w\",\"input\":\"v\",\"window\":{\"type\":\"tumble\",\"timeColumn\":\"a\",\"sizeMs\":1000},"
            + "\"keys\":[\"b\"],\"aggregates\":[{\"fn\":\"max\",\"column\":\"a\",\"as\":\"m\"}]}");
    assertEquals(250, assertInstanceOf(Statement.FromValues.class, p.statements().get(0)).watermark().delayMs());
    Statement.Window w = assertInstanceOf(Statement.Window.class, p.statements().get(1));
    assertEquals(1000, w.window().sizeMs());
    assertEquals("w", w.node());
  }

  @Test
  void rejectsUnknownWindowTypesIncompleteWindowsAndNegativeDelays() {
    IrException slide = assertThrows(IrException.class, () -> program(VALUES,
        "{\"op\":\"window\",\"table\":\"w\",\"input\":\"v\",\"window\":{\"type\":\"slide\",\"timeColumn\":\"a\",\"sizeMs\":1000},"
            + "\"keys\":[],\"aggregates\":[{\"fn\":\"max\",\"column\":\"a\",\"as\":\"m\"}]}"));
    assertTrue(slide.getMessage().contains("unknown window type \"slide\""), slide.getMessage());
    IrException hop = assertThrows(IrException.class, () -> program(VALUES,
        "{\"op\":\"window\",\"table\":\"w\",\"input\":\"v\",\"window\":{\"type\":\"hop\",\"timeColumn\":\"a\",\"sizeMs\":1000},"
            + "\"keys\":[],\"aggregates\":[{\"fn\":\"max\",\"column\":\"a\",\"as\":\"m\"}]}"));
    assertTrue(hop.getMessage().contains("hop window.slideMs must be >= 1"), hop.getMessage());
    IrException delay = assertThrows(IrException.class,
        () -> program(VALUES.replace("]]}", "]],\"watermark\":{\"column\":\"a\",\"delayMs\":-1}}")));
    assertTrue(delay.getMessage().contains("delayMs must be >= 0"), delay.getMessage());
  }
}
