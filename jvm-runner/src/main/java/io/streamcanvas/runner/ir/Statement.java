// IR statements, one record per Table API call; `op` selects the record and the Translator that runs it.
package io.streamcanvas.runner.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Statement.From.class, name = "from"),
  @JsonSubTypes.Type(value = Statement.Filter.class, name = "filter"),
  @JsonSubTypes.Type(value = Statement.Select.class, name = "select"),
  @JsonSubTypes.Type(value = Statement.InsertInto.class, name = "insertInto"),
  @JsonSubTypes.Type(value = Statement.Collect.class, name = "collect"),
})
public sealed interface Statement {
  /** The IR's `op` name of this statement, the key of its Translator. */
  String op();

  /** The node id the statement comes from (its table or sink), to point errors at the canvas. */
  String node();

  /** tEnv.from(descriptor) */
  record From(String table, TableDescriptorIr descriptor) implements Statement {
    public From {
      IrException.required(table, "from.table");
      IrException.required(descriptor, "from.descriptor");
    }

    public String op() { return "from"; }

    public String node() { return table; }
  }

  /** input.filter(predicate) */
  record Filter(String table, String input, Expr predicate) implements Statement {
    public Filter {
      IrException.required(table, "filter.table");
      IrException.required(input, "filter.input");
      IrException.required(predicate, "filter.predicate");
    }

    public String op() { return "filter"; }

    public String node() { return table; }
  }

  /** input.select(expr.as(name), …) */
  record Select(String table, String input, List<Field> fields) implements Statement {
    public record Field(Expr expr, String as) {
      public Field {
        IrException.required(expr, "select field expr");
        IrException.required(as, "select field as");
      }
    }

    public Select {
      IrException.required(table, "select.table");
      IrException.required(input, "select.input");
      IrException.required(fields, "select.fields");
      if (fields.isEmpty()) throw new IrException("select.fields must not be empty");
      fields = List.copyOf(fields);
    }

    public String op() { return "select"; }

    public String node() { return table; }
  }

  /** statementSet.add(input.insertInto(descriptor)) */
  record InsertInto(String sink, String input, TableDescriptorIr descriptor) implements Statement {
    public InsertInto {
      IrException.required(sink, "insertInto.sink");
      IrException.required(input, "insertInto.input");
      IrException.required(descriptor, "insertInto.descriptor");
    }

    public String op() { return "insertInto"; }

    public String node() { return sink; }
  }

  /** rows of input are returned to StreamCanvas; the runner keeps the last maxRows */
  record Collect(String sink, String input, int maxRows) implements Statement {
    public static final int MAX_ROWS_LIMIT = 10_000;

    public Collect {
      IrException.required(sink, "collect.sink");
      IrException.required(input, "collect.input");
      if (maxRows < 1 || maxRows > MAX_ROWS_LIMIT) {
        throw new IrException("collect.maxRows must be 1.." + MAX_ROWS_LIMIT + ", got " + maxRows);
      }
    }

    public String op() { return "collect"; }

    public String node() { return sink; }
  }
}
