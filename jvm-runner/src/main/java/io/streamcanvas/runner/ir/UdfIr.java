// A TypeScript UDF inside the IR: name (for messages), bundled JS (ESM, `export default function`), typed columns.
package io.streamcanvas.runner.ir;

import java.util.List;

public record UdfIr(String name, String code, List<TableDescriptorIr.Column> inputColumns,
    List<TableDescriptorIr.Column> outputColumns) {
  public UdfIr {
    IrException.required(name, "udf.name");
    IrException.required(code, "udf.code");
    IrException.required(inputColumns, "udf.inputColumns");
    if (inputColumns.isEmpty()) throw new IrException("udf.inputColumns must not be empty");
    outputColumns = outputColumns == null ? List.of() : outputColumns; // a filter has none
    inputColumns = List.copyOf(inputColumns);
    outputColumns = List.copyOf(outputColumns);
  }

  /** For the statements whose UDF returns columns (all but the filter). */
  public UdfIr requireOutputs(String op) {
    if (outputColumns.isEmpty()) throw new IrException(op + ".udf.outputColumns must not be empty");
    return this;
  }
}
