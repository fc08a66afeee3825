// TableProgram IR (mirror of pipeline/ir/): an ordered list of Table API statements run as one job.
package io.streamcanvas.runner.ir;

import java.util.List;
import java.util.Map;

public record TableProgram(int irVersion, String name, Map<String, String> config, List<Statement> statements) {
  public static final int IR_VERSION = 1;

  public TableProgram {
    if (irVersion != IR_VERSION) throw new IrException("irVersion must be " + IR_VERSION + ", got " + irVersion);
    IrException.required(name, "program.name");
    config = config == null ? Map.of() : Map.copyOf(config);
    IrException.required(statements, "program.statements");
    if (statements.isEmpty()) throw new IrException("program.statements must not be empty");
    statements = List.copyOf(statements);
  }
}
