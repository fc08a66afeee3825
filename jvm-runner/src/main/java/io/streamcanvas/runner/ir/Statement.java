// IR statements, one record per Table API call; `op` (each record's @JsonTypeName) selects the record and its Translator.
package io.streamcanvas.runner.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.streamcanvas.runner.expr.Aggregates;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(Statement.From.class),
  @JsonSubTypes.Type(Statement.Filter.class),
  @JsonSubTypes.Type(Statement.Select.class),
  @JsonSubTypes.Type(Statement.InsertInto.class),
  @JsonSubTypes.Type(Statement.Collect.class),
  @JsonSubTypes.Type(Statement.UdfMap.class),
  @JsonSubTypes.Type(Statement.FromValues.class),
  @JsonSubTypes.Type(Statement.AddColumns.class),
  @JsonSubTypes.Type(Statement.RenameColumns.class),
  @JsonSubTypes.Type(Statement.DropColumns.class),
  @JsonSubTypes.Type(Statement.UnionAll.class),
  @JsonSubTypes.Type(Statement.Distinct.class),
  @JsonSubTypes.Type(Statement.GroupBy.class),
  @JsonSubTypes.Type(Statement.Window.class),
  @JsonSubTypes.Type(Statement.Join.class),
  @JsonSubTypes.Type(Statement.IntervalJoin.class),
  @JsonSubTypes.Type(Statement.Deduplicate.class),
  @JsonSubTypes.Type(Statement.TopN.class),
  @JsonSubTypes.Type(Statement.OrderBy.class),
  @JsonSubTypes.Type(Statement.Limit.class),
  @JsonSubTypes.Type(Statement.UdfFilter.class),
  @JsonSubTypes.Type(Statement.UdfFlatMap.class),
  @JsonSubTypes.Type(Statement.UdfAggregate.class),
  @JsonSubTypes.Type(Statement.LookupJoin.class),
})
public sealed interface Statement {
  /** The IR's `op` name of this statement, the key of its Translator: its record's @JsonTypeName, stated once. */
  default String op() {
    return opOf(getClass());
  }

  /** The `op` name of a statement record class. */
  static String opOf(Class<?> record) {
    JsonTypeName name = record.getAnnotation(JsonTypeName.class);
    if (name == null) throw new IllegalStateException(record.getName() + " has no @JsonTypeName");
    return name.value();
  }

  /** The node id the statement comes from (its table or sink), to point errors at the canvas. */
  String node();

  /** tEnv.from(descriptor) */
  @JsonTypeName("from")
  record From(String table, TableDescriptorIr descriptor) implements Statement {
    public From {
      IrException.required(table, "from.table");
      IrException.required(descriptor, "from.descriptor");
    }

    public String node() { return table; }
  }

  /** input.filter(predicate) */
  @JsonTypeName("filter")
  record Filter(String table, String input, Expr predicate) implements Statement {
    public Filter {
      IrException.required(table, "filter.table");
      IrException.required(input, "filter.input");
      IrException.required(predicate, "filter.predicate");
    }

    public String node() { return table; }
  }

  /** input.select(expr.as(name), …) */
  @JsonTypeName("select")
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

    public String node() { return table; }
  }

  /** statementSet.add(input.insertInto(descriptor)) */
  @JsonTypeName("insertInto")
  record InsertInto(String sink, String input, TableDescriptorIr descriptor) implements Statement {
    public InsertInto {
      IrException.required(sink, "insertInto.sink");
      IrException.required(input, "insertInto.input");
      IrException.required(descriptor, "insertInto.descriptor");
    }

    public String node() { return sink; }
  }

  /** rows of input are returned to StreamCanvas; the runner keeps the last maxRows */
  @JsonTypeName("collect")
  record Collect(String sink, String input, int maxRows) implements Statement {
    public static final int MAX_ROWS_LIMIT = 10_000;

    public Collect {
      IrException.required(sink, "collect.sink");
      IrException.required(input, "collect.input");
      if (maxRows < 1 || maxRows > MAX_ROWS_LIMIT) {
        throw new IrException("collect.maxRows must be 1.." + MAX_ROWS_LIMIT + ", got " + maxRows);
      }
    }

    public String node() { return sink; }
  }

  /** tEnv.fromValues(DataTypes.ROW(columns…), row(cell…)…); a cell is an expression literal's value for its column's type */
  @JsonTypeName("fromValues")
  record FromValues(String table, List<TableDescriptorIr.Column> columns, List<List<JsonNode>> rows,
      TableDescriptorIr.Watermark watermark, TableDescriptorIr.Proctime proctime) implements Statement {
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

    /** Values without processing time. */
    public FromValues(String table, List<TableDescriptorIr.Column> columns, List<List<JsonNode>> rows,
        TableDescriptorIr.Watermark watermark) {
      this(table, columns, rows, watermark, null);
    }

    public String node() { return table; }
  }

  /** input.addColumns(expr.as(name), …) */
  @JsonTypeName("addColumns")
  record AddColumns(String table, String input, List<Select.Field> fields) implements Statement {
    public AddColumns {
      IrException.required(table, "addColumns.table");
      IrException.required(input, "addColumns.input");
      IrException.required(fields, "addColumns.fields");
      if (fields.isEmpty()) throw new IrException("addColumns.fields must not be empty");
      fields = List.copyOf(fields);
    }

    public String node() { return table; }
  }

  /** input.renameColumns($(from).as(to), …) */
  @JsonTypeName("renameColumns")
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

    public String node() { return table; }
  }

  /** input.dropColumns($(name), …) */
  @JsonTypeName("dropColumns")
  record DropColumns(String table, String input, List<String> columns) implements Statement {
    public DropColumns {
      IrException.required(table, "dropColumns.table");
      IrException.required(input, "dropColumns.input");
      IrException.required(columns, "dropColumns.columns");
      if (columns.isEmpty()) throw new IrException("dropColumns.columns must not be empty");
      columns = List.copyOf(columns);
    }

    public String node() { return table; }
  }

  /** input.unionAll(right) */
  @JsonTypeName("unionAll")
  record UnionAll(String table, String input, String right) implements Statement {
    public UnionAll {
      IrException.required(table, "unionAll.table");
      IrException.required(input, "unionAll.input");
      IrException.required(right, "unionAll.right");
    }

    public String node() { return table; }
  }

  /** input.distinct() */
  @JsonTypeName("distinct")
  record Distinct(String table, String input) implements Statement {
    public Distinct {
      IrException.required(table, "distinct.table");
      IrException.required(input, "distinct.input");
    }

    public String node() { return table; }
  }

  /** input.groupBy($(key)…).select($(key)…, $(column).fn().as(as)…); no keys: input.select(…) */
  @JsonTypeName("groupBy")
  record GroupBy(String table, String input, List<String> keys, List<Aggregate> aggregates) implements Statement {
    /** fn: one of the contract's aggregates (expr/Aggregates: count, count_distinct, sum, avg, …) */
    public record Aggregate(String fn, String column, String as) {
      public static final List<String> FUNCTIONS = Aggregates.names();

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

    public String node() { return table; }
  }

  /** input.addColumns(call(tsUdf, row(inputColumns…))) then select: output columns replace same-named ones, others append */
  @JsonTypeName("udfMap")
  record UdfMap(String table, String input, UdfIr udf) implements Statement {
    public UdfMap {
      IrException.required(table, "udfMap.table");
      IrException.required(input, "udfMap.input");
      IrException.required(udf, "udfMap.udf");
      udf.requireOutputs("udfMap");
    }

    public String node() { return table; }
  }

  /**
   * Window aggregation over a window table-valued function, which Flink offers only in SQL: SELECT window_start,
   * window_end, keys…, aggregates… FROM TABLE(TUMBLE|HOP|SESSION|CUMULATE(TABLE input, DESCRIPTOR(timeColumn), …))
   * GROUP BY window_start, window_end, keys… (SESSION partitioned by the keys).
   */
  @JsonTypeName("window")
  record Window(String table, String input, Spec window, List<String> keys, List<GroupBy.Aggregate> aggregates, UdfIr udf)
      implements Statement {
    /** A window without a TS aggregate (udf is optional: its output columns follow the aggregates). */
    public Window(String table, String input, Spec window, List<String> keys, List<GroupBy.Aggregate> aggregates) {
      this(table, input, window, keys, aggregates, null);
    }

    /** type: tumble (sizeMs), hop (sizeMs, slideMs), session (gapMs), cumulate (stepMs, sizeMs); durations in ms. */
    public record Spec(String type, String timeColumn, Long sizeMs, Long slideMs, Long gapMs, Long stepMs) {
      public static final List<String> TYPES = List.of("tumble", "hop", "session", "cumulate");

      public Spec {
        IrException.required(type, "window.type");
        IrException.required(timeColumn, "window.timeColumn");
        if (!TYPES.contains(type)) throw new IrException("unknown window type \"" + type + "\"; use one of " + TYPES);
        switch (type) {
          case "tumble" -> durations(type, sizeMs, "sizeMs");
          case "hop" -> {
            durations(type, sizeMs, "sizeMs", slideMs, "slideMs");
            if (sizeMs % slideMs != 0) throw new IrException("hop window: sizeMs (" + sizeMs + ") must be a multiple of slideMs (" + slideMs + ")");
          }
          case "session" -> durations(type, gapMs, "gapMs");
          default -> {
            durations(type, stepMs, "stepMs", sizeMs, "sizeMs");
            if (sizeMs % stepMs != 0) throw new IrException("cumulate window: sizeMs (" + sizeMs + ") must be a multiple of stepMs (" + stepMs + ")");
          }
        }
      }

      /** A tumbling window of sizeMs. */
      public Spec(String type, String timeColumn, long sizeMs) {
        this(type, timeColumn, sizeMs, null, null, null);
      }

      /** Pairs of (value, name): each must be given and at least 1 ms. */
      private static void durations(String type, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
          Long v = (Long) pairs[i];
          if (v == null || v < 1) throw new IrException(type + " window." + pairs[i + 1] + " must be >= 1, got " + v);
        }
      }
    }

    public Window {
      IrException.required(table, "window.table");
      IrException.required(input, "window.input");
      IrException.required(window, "window.window");
      IrException.required(aggregates, "window.aggregates");
      // the TS aggregate alone may give every output column; without it the window would compute nothing
      if (aggregates.isEmpty() && udf == null) throw new IrException("window.aggregates must not be empty when the window has no udf");
      keys = keys == null ? List.of() : List.copyOf(keys);
      aggregates = List.copyOf(aggregates);
      if (udf != null) udf.requireOutputs("window");
    }

    public String node() { return table; }
  }

  /** Join types: input.join / leftOuterJoin / rightOuterJoin / fullOuterJoin. */
  List<String> JOIN_TYPES = List.of("inner", "left", "right", "full");

  /** An equal key pair of a join; `right` names the right column after the renames. */
  record JoinKey(String left, String right) {
    public JoinKey {
      IrException.required(left, "join key left");
      IrException.required(right, "join key right");
    }
  }

  /** A sort key: column and asc / desc. */
  record SortKey(String column, String direction) {
    public SortKey {
      IrException.required(column, "sort column");
      IrException.required(direction, "sort direction");
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw new IrException("sort direction must be asc or desc, got \"" + direction + "\"");
      }
    }
  }

  private static void joinChecks(String op, String table, String input, String right, String joinType,
      List<JoinKey> keys) {
    IrException.required(table, op + ".table");
    IrException.required(input, op + ".input");
    IrException.required(right, op + ".right");
    IrException.required(joinType, op + ".joinType");
    if (!JOIN_TYPES.contains(joinType)) throw new IrException(op + ".joinType must be one of " + JOIN_TYPES + ", got \"" + joinType + "\"");
    IrException.required(keys, op + ".keys");
    if (keys.isEmpty()) throw new IrException(op + ".keys must not be empty");
  }

  /**
   * Each input row enriched from the descriptor's table by key as of processing time (FOR SYSTEM_TIME AS OF, built as
   * SQL over a view of the input); keys.right are the table's own column names, its clashing columns renamed after.
   */
  @JsonTypeName("lookupJoin")
  record LookupJoin(String table, String input, TableDescriptorIr descriptor, String joinType, List<JoinKey> keys,
      List<RenameColumns.Rename> rightRenames) implements Statement {
    public LookupJoin {
      IrException.required(table, "lookupJoin.table");
      IrException.required(input, "lookupJoin.input");
      IrException.required(descriptor, "lookupJoin.descriptor");
      if (descriptor.schema() == null || descriptor.schema().isEmpty()) throw new IrException("lookupJoin.descriptor needs a schema");
      if (!List.of("inner", "left").contains(joinType)) throw new IrException("lookupJoin.joinType must be inner or left, got \"" + joinType + "\"");
      IrException.required(keys, "lookupJoin.keys");
      if (keys.isEmpty()) throw new IrException("lookupJoin.keys must not be empty");
      keys = List.copyOf(keys);
      rightRenames = rightRenames == null ? List.of() : List.copyOf(rightRenames);
    }

    public String node() { return table; }
  }

  /** input.join(right.renameColumns(rightRenames), $(left).isEqual($(right)) and …) or an outer join */
  @JsonTypeName("join")
  record Join(String table, String input, String right, String joinType, List<RenameColumns.Rename> rightRenames,
      List<JoinKey> keys) implements Statement {
    public Join {
      joinChecks("join", table, input, right, joinType, keys);
      rightRenames = rightRenames == null ? List.of() : List.copyOf(rightRenames);
      keys = List.copyOf(keys);
    }

    public String node() { return table; }
  }

  /** input.addColumns(call(tsFilter, row(inputColumns…)).as(tmp)).filter($(tmp)).dropColumns($(tmp)) */
  @JsonTypeName("udfFilter")
  record UdfFilter(String table, String input, UdfIr udf) implements Statement {
    public UdfFilter {
      IrException.required(table, "udfFilter.table");
      IrException.required(input, "udfFilter.input");
      IrException.required(udf, "udfFilter.udf");
    }

    public String node() { return table; }
  }

  /** A join whose predicate adds $(leftTime) >= $(rightTime) + lowerMs and $(leftTime) <= $(rightTime) + upperMs */
  @JsonTypeName("intervalJoin")
  record IntervalJoin(String table, String input, String right, String joinType,
      List<RenameColumns.Rename> rightRenames, List<JoinKey> keys, String leftTime, String rightTime,
      long lowerMs, long upperMs) implements Statement {
    public IntervalJoin {
      joinChecks("intervalJoin", table, input, right, joinType, keys);
      IrException.required(leftTime, "intervalJoin.leftTime");
      IrException.required(rightTime, "intervalJoin.rightTime");
      if (lowerMs > upperMs) throw new IrException("intervalJoin.lowerMs " + lowerMs + " is above upperMs " + upperMs);
      rightRenames = rightRenames == null ? List.of() : List.copyOf(rightRenames);
      keys = List.copyOf(keys);
    }

    public String node() { return table; }
  }

  /** input.joinLateral(call(tsFlatMap, row(inputColumns…)).as(tmp…)) then select: outputs replace same-named, others append */
  @JsonTypeName("udfFlatMap")
  record UdfFlatMap(String table, String input, UdfIr udf) implements Statement {
    public UdfFlatMap {
      IrException.required(table, "udfFlatMap.table");
      IrException.required(input, "udfFlatMap.input");
      IrException.required(udf, "udfFlatMap.udf");
      udf.requireOutputs("udfFlatMap");
    }

    public String node() { return table; }
  }

  /** first / last row per key by timeColumn (null: processing time), as SQL ROW_NUMBER() = 1 over a view */
  @JsonTypeName("deduplicate")
  record Deduplicate(String table, String input, List<String> keys, String keep, String timeColumn)
      implements Statement {
    public Deduplicate {
      IrException.required(table, "deduplicate.table");
      IrException.required(input, "deduplicate.input");
      IrException.required(keys, "deduplicate.keys");
      IrException.required(keep, "deduplicate.keep");
      if (keys.isEmpty()) throw new IrException("deduplicate.keys must not be empty");
      if (!keep.equals("first") && !keep.equals("last")) throw new IrException("deduplicate.keep must be first or last");
      keys = List.copyOf(keys);
    }

    public String node() { return table; }
  }

  /** the n first rows per partition in orderBy order, as SQL ROW_NUMBER() <= n over a view; rankColumn emits rn */
  @JsonTypeName("topN")
  record TopN(String table, String input, List<String> partitionBy, SortKey orderBy, int n, String rankColumn)
      implements Statement {
    public TopN {
      IrException.required(table, "topN.table");
      IrException.required(input, "topN.input");
      IrException.required(orderBy, "topN.orderBy");
      if (n < 1) throw new IrException("topN.n must be >= 1, got " + n);
      partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    }

    public String node() { return table; }
  }

  /** input.orderBy($(column).asc() / desc()…).fetch(fetch) */
  @JsonTypeName("orderBy")
  record OrderBy(String table, String input, List<SortKey> orderBy, int fetch) implements Statement {
    public OrderBy {
      IrException.required(table, "orderBy.table");
      IrException.required(input, "orderBy.input");
      IrException.required(orderBy, "orderBy.orderBy");
      if (orderBy.isEmpty()) throw new IrException("orderBy.orderBy must not be empty");
      if (fetch < 1) throw new IrException("orderBy.fetch must be >= 1, got " + fetch);
      orderBy = List.copyOf(orderBy);
    }

    public String node() { return table; }
  }

  /** input.limit(fetch): the first rows in arrival order */
  @JsonTypeName("limit")
  record Limit(String table, String input, int fetch) implements Statement {
    public Limit {
      IrException.required(table, "limit.table");
      IrException.required(input, "limit.input");
      if (fetch < 1) throw new IrException("limit.fetch must be >= 1, got " + fetch);
    }

    public String node() { return table; }
  }

  /** input.groupBy($(key)…).select($(key)…, call(tsAggregate, $(inputColumn)…).as(tmp)) then keys + the output columns */
  @JsonTypeName("udfAggregate")
  record UdfAggregate(String table, String input, List<String> keys, UdfIr udf) implements Statement {
    public UdfAggregate {
      IrException.required(table, "udfAggregate.table");
      IrException.required(input, "udfAggregate.input");
      IrException.required(udf, "udfAggregate.udf");
      udf.requireOutputs("udfAggregate");
      keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public String node() { return table; }
  }
}
