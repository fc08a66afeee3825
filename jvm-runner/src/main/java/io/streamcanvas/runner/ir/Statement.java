// IR statements, one record per Table API call; `op` selects the record and the Translator that runs it.
package io.streamcanvas.runner.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Statement.From.class, name = "from"),
  @JsonSubTypes.Type(value = Statement.Filter.class, name = "filter"),
  @JsonSubTypes.Type(value = Statement.Select.class, name = "select"),
  @JsonSubTypes.Type(value = Statement.InsertInto.class, name = "insertInto"),
  @JsonSubTypes.Type(value = Statement.Collect.class, name = "collect"),
  @JsonSubTypes.Type(value = Statement.UdfMap.class, name = "udfMap"),
  @JsonSubTypes.Type(value = Statement.FromValues.class, name = "fromValues"),
  @JsonSubTypes.Type(value = Statement.AddColumns.class, name = "addColumns"),
  @JsonSubTypes.Type(value = Statement.RenameColumns.class, name = "renameColumns"),
  @JsonSubTypes.Type(value = Statement.DropColumns.class, name = "dropColumns"),
  @JsonSubTypes.Type(value = Statement.UnionAll.class, name = "unionAll"),
  @JsonSubTypes.Type(value = Statement.Distinct.class, name = "distinct"),
  @JsonSubTypes.Type(value = Statement.GroupBy.class, name = "groupBy"),
  @JsonSubTypes.Type(value = Statement.Window.class, name = "window"),
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

  /** tEnv.fromValues(DataTypes.ROW(columns…), row(cell…)…); a cell is an expression literal's value for its column's type */
  record FromValues(String table, List<TableDescriptorIr.Column> columns, List<List<JsonNode>> rows,
      TableDescriptorIr.Watermark watermark) implements Statement {
    public FromValues {
      IrException.required(table, "fromValues.table");
      IrException.required(columns, "fromValues.columns");
      IrException.required(rows, "fromValues.rows");
      if (columns.isEmpty() || rows.isEmpty()) throw new IrException("fromValues needs at least one column and one row");
      for (List<JsonNode> r : rows) {
        if (r == null || r.size() != columns.size()) {
          throw new IrException("fromValues rows must have " + columns.size() + " cells, got " + (r == null ? 0 : r.size()));
        }
      }
      columns = List.copyOf(columns);
      rows = rows.stream().map(r -> r.stream().map(c -> c == null ? (JsonNode) NullNode.getInstance() : c).toList()).toList();
    }

    public String op() { return "fromValues"; }

    public String node() { return table; }
  }

  /** input.addColumns(expr.as(name), …) */
  record AddColumns(String table, String input, List<Select.Field> fields) implements Statement {
    public AddColumns {
      IrException.required(table, "addColumns.table");
      IrException.required(input, "addColumns.input");
      IrException.required(fields, "addColumns.fields");
      if (fields.isEmpty()) throw new IrException("addColumns.fields must not be empty");
      fields = List.copyOf(fields);
    }

    public String op() { return "addColumns"; }

    public String node() { return table; }
  }

  /** input.renameColumns($(from).as(to), …) */
  record RenameColumns(String table, String input, List<Rename> renames) implements Statement {
    public record Rename(String from, String to) {
      public Rename {
        IrException.required(from, "rename from");
        IrException.required(to, "rename to");
      }
    }

    public RenameColumns {
      IrException.required(table, "renameColumns.table");
      IrException.required(input, "renameColumns.input");
      IrException.required(renames, "renameColumns.renames");
      if (renames.isEmpty()) throw new IrException("renameColumns.renames must not be empty");
      renames = List.copyOf(renames);
    }

    public String op() { return "renameColumns"; }

    public String node() { return table; }
  }

  /** input.dropColumns($(name), …) */
  record DropColumns(String table, String input, List<String> columns) implements Statement {
    public DropColumns {
      IrException.required(table, "dropColumns.table");
      IrException.required(input, "dropColumns.input");
      IrException.required(columns, "dropColumns.columns");
      if (columns.isEmpty()) throw new IrException("dropColumns.columns must not be empty");
      columns = List.copyOf(columns);
    }

    public String op() { return "dropColumns"; }

    public String node() { return table; }
  }

  /** input.unionAll(right) */
  record UnionAll(String table, String input, String right) implements Statement {
    public UnionAll {
      IrException.required(table, "unionAll.table");
      IrException.required(input, "unionAll.input");
      IrException.required(right, "unionAll.right");
    }

    public String op() { return "unionAll"; }

    public String node() { return table; }
  }

  /** input.distinct() */
  record Distinct(String table, String input) implements Statement {
    public Distinct {
      IrException.required(table, "distinct.table");
      IrException.required(input, "distinct.input");
    }

    public String op() { return "distinct"; }

    public String node() { return table; }
  }

  /** input.groupBy($(key)…).select($(key)…, $(column).fn().as(as)…); no keys: input.select(…) */
  record GroupBy(String table, String input, List<String> keys, List<Aggregate> aggregates) implements Statement {
    /** fn: count, count_distinct, sum, avg, min, max */
    public record Aggregate(String fn, String column, String as) {
      public static final List<String> FUNCTIONS = List.of("count", "count_distinct", "sum", "avg", "min", "max");

      public Aggregate {
        IrException.required(fn, "aggregate fn");
        IrException.required(column, "aggregate column");
        IrException.required(as, "aggregate as");
        if (!FUNCTIONS.contains(fn)) throw new IrException("unknown aggregate function \"" + fn + "\"; use one of " + FUNCTIONS);
      }
    }

    public GroupBy {
      IrException.required(table, "groupBy.table");
      IrException.required(input, "groupBy.input");
      IrException.required(aggregates, "groupBy.aggregates");
      if (aggregates.isEmpty()) throw new IrException("groupBy.aggregates must not be empty");
      keys = keys == null ? List.of() : List.copyOf(keys);
      aggregates = List.copyOf(aggregates);
    }

    public String op() { return "groupBy"; }

    public String node() { return table; }
  }

  /** input.addColumns(call(tsUdf, row(inputColumns…))) then select: output columns replace same-named ones, others append */
  record UdfMap(String table, String input, UdfIr udf) implements Statement {
    public UdfMap {
      IrException.required(table, "udfMap.table");
      IrException.required(input, "udfMap.input");
      IrException.required(udf, "udfMap.udf");
    }

    public String op() { return "udfMap"; }

    public String node() { return table; }
  }

  /** input.window(Tumble.over(sizeMs).on($(timeColumn)).as(w)).groupBy(w, keys…).select(w.start(), w.end(), keys…, aggregates…) */
  record Window(String table, String input, Spec window, List<String> keys, List<GroupBy.Aggregate> aggregates)
      implements Statement {
    /** type: tumble */
    public record Spec(String type, String timeColumn, long sizeMs) {
      public Spec {
        IrException.required(type, "window.type");
        IrException.required(timeColumn, "window.timeColumn");
        if (!type.equals("tumble")) throw new IrException("unknown window type \"" + type + "\"; use tumble");
        if (sizeMs < 1) throw new IrException("window.sizeMs must be >= 1, got " + sizeMs);
      }
    }

    public Window {
      IrException.required(table, "window.table");
      IrException.required(input, "window.input");
      IrException.required(window, "window.window");
      IrException.required(aggregates, "window.aggregates");
      if (aggregates.isEmpty()) throw new IrException("window.aggregates must not be empty");
      keys = keys == null ? List.of() : List.copyOf(keys);
      aggregates = List.copyOf(aggregates);
    }

    public String op() { return "window"; }

    public String node() { return table; }
  }
}
