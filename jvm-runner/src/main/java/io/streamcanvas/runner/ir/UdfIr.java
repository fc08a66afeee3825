// A TypeScript UDF inside the IR: name (for messages), bundled JS (ESM, `export default function(row)`), typed columns.
package io.streamcanvas.runner.ir;

import java.util.List;

public record UdfIr(String name, String code, List<TableDescriptorIr.Column> inputColumns,
    List<TableDescriptorIr.Column> outputColumns) {
  public UdfIr {
    IrException.required(name, "udf.name");
    IrException.required(code, "udf.code");
    IrException.required(inputColumns, "udf.inputColumns");
    IrException.required(outputColumns, "udf.outputColumns");
    if (inputColumns.isEmpty()) throw new IrException("udf.inputColumns must not be empty");
    if (outputColumns.isEmpty()) throw new IrException("udf.outputColumns must not be empty");
    inputColumns = List.copyOf(inputColumns);
    outputColumns = List.copyOf(outputColumns);
  }
}
