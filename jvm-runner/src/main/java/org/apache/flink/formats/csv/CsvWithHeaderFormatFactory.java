// The "csv-with-header" format: Flink's own CSV file reader, every option as in "csv", but the first line of each file
// is a header and is skipped. Flink 2.3's CSV format has no such option (CsvFormatOptions), so the runner adds it here,
// in Flink's package to reach CsvReaderFormat's constructor; the schema and parser come from Flink's CsvFileFormatFactory.
package org.apache.flink.formats.csv;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.table.factories.BulkReaderFormatFactory;
import org.apache.flink.connector.file.table.format.BulkDecodingFormat;
import org.apache.flink.formats.common.Converter;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.Projection;
import org.apache.flink.table.connector.format.ProjectableDecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.function.SerializableSupplier;

public final class CsvWithHeaderFormatFactory implements BulkReaderFormatFactory {
  public static final String IDENTIFIER = "csv-with-header";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Collections.emptySet();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return CsvCommons.optionalOptions();
  }

  @Override
  public BulkDecodingFormat<RowData> createDecodingFormat(DynamicTableFactory.Context context, ReadableConfig formatOptions) {
    CsvCommons.validateFormatOptions(formatOptions);
    return new Decoding(formatOptions);
  }

  private record Decoding(ReadableConfig options)
      implements BulkDecodingFormat<RowData>, ProjectableDecodingFormat<BulkFormat<RowData, FileSourceSplit>> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public BulkFormat<RowData, FileSourceSplit> createRuntimeDecoder(
        DynamicTableSource.Context context, DataType physicalDataType, int[][] projections) {
      DataType projected = Projection.of(projections).project(physicalDataType);
      // as Flink's CsvBulkDecodingFormat builds it, plus: the first row of each file is not data
      CsvSchema schema = flinkSchema((RowType) physicalDataType.getLogicalType(), options).withSkipFirstDataRow(true);
      boolean ignoreParseErrors = options.get(CsvFormatOptions.IGNORE_PARSE_ERRORS);
      Converter<JsonNode, RowData, Void> converter =
          (Converter) new CsvToRowDataConverters(ignoreParseErrors).createRowConverter((RowType) projected.getLogicalType(), true);
      CsvReaderFormat<RowData> format = new CsvReaderFormat<>(flinkMapperFactory(options), ignored -> schema, JsonNode.class,
          converter, context.createTypeInformation(projected), ignoreParseErrors);
      return new StreamFormatAdapter<>(format);
    }

    @Override
    public ChangelogMode getChangelogMode() {
      return ChangelogMode.insertOnly();
    }
  }

  /** Flink's own option handling (delimiter, quotes, comments, null literal, parser features), not a copy of it. */
  private static CsvSchema flinkSchema(RowType rowType, ReadableConfig options) {
    return (CsvSchema) flinkStatic("buildCsvSchema", new Class<?>[] {RowType.class, ReadableConfig.class}, rowType, options);
  }

  @SuppressWarnings("unchecked")
  private static SerializableSupplier<CsvMapper> flinkMapperFactory(ReadableConfig options) {
    return (SerializableSupplier<CsvMapper>) flinkStatic("createCsvMapperFactory", new Class<?>[] {ReadableConfig.class}, options);
  }

  private static Object flinkStatic(String name, Class<?>[] types, Object... args) {
    try {
      Method m = CsvFileFormatFactory.class.getDeclaredMethod(name, types);
      m.setAccessible(true);
      return m.invoke(null, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this Flink's CSV format lacks CsvFileFormatFactory." + name + ", which csv-with-header reuses", e);
    }
  }
}
