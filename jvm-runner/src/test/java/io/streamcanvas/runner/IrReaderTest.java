// IR parsing: the JSON contract of pipeline/ir/ read into records, and malformed programs named precisely.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.ir.Expr;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IrReaderTest {
  static String fixture(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/ir", name));
  }

  @Test
  void readsEveryStatementKind() throws Exception {
    TableProgram p = IrReader.read(fixture("multi-sink.ir.json"));
    assertEquals("multi-sink", p.name());
    assertEquals(6, p.statements().size());
    Statement.From from = assertInstanceOf(Statement.From.class, p.statements().get(0));
    assertEquals("datagen", from.descriptor().connector());
    assertEquals("BIGINT", from.descriptor().schema().get(0).type());
    Statement.Filter filter = assertInstanceOf(Statement.Filter.class, p.statements().get(1));
    Expr.Call eq = assertInstanceOf(Expr.Call.class, filter.predicate());
    assertEquals("isEqual", eq.fn());
    Statement.Collect collect = assertInstanceOf(Statement.Collect.class, p.statements().get(3));
    assertEquals(3, collect.maxRows());
    Statement.InsertInto insert = assertInstanceOf(Statement.InsertInto.class, p.statements().get(4));
    assertEquals(null, insert.descriptor().schema());
    assertEquals("printed", insert.node());
  }

  @Test
  void namesWhereAProgramIsMalformed() {
    String unknownOp = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"explode\",\"table\":\"t\"}]}";
    IrException e = assertThrows(IrException.class, () -> IrReader.read(unknownOp));
    assertTrue(e.getMessage().contains("statements[0]") && e.getMessage().contains("explode"), e.getMessage());

    String missingInput = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"filter\",\"table\":\"t\","
        + "\"predicate\":{\"kind\":\"col\",\"name\":\"a\"}}]}";
    e = assertThrows(IrException.class, () -> IrReader.read(missingInput));
    assertTrue(e.getMessage().contains("filter.input is required"), e.getMessage());

    String numberLiteral = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"filter\",\"table\":\"t\","
        + "\"input\":\"s\",\"predicate\":{\"kind\":\"lit\",\"value\":5,\"type\":\"INT\"}}]}";
    e = assertThrows(IrException.class, () -> IrReader.read(numberLiteral));
    assertTrue(e.getMessage().contains("lit.value must be a string"), e.getMessage());

    e = assertThrows(IrException.class, () -> IrReader.read("{\"irVersion\":2,\"name\":\"x\",\"statements\":[]}"));
    assertTrue(e.getMessage().contains("irVersion must be 1"), e.getMessage());

    String tooMany = "{\"irVersion\":1,\"name\":\"x\",\"statements\":[{\"op\":\"collect\",\"sink\":\"k\",\"input\":\"s\",\"maxRows\":10001}]}";
    e = assertThrows(IrException.class, () -> IrReader.read(tooMany));
    assertTrue(e.getMessage().contains("maxRows must be 1..10000"), e.getMessage());
  }
}
