// The filesystem connector's descriptor, checked: only the options a StreamCanvas node sets, and a path inside the data root.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.files.ConfinedFileSystem;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import org.apache.flink.formats.csv.CsvWithHeaderFormatFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

final class FileSystemDescriptors {
  static final String CONNECTOR = "filesystem";
  static final Set<String> FORMATS = Set.of("csv", "json", CsvWithHeaderFormatFactory.IDENTIFIER);
  /** the runner's own CSV format (each file's first line a header), for reading only */
  private static final Set<String> SOURCE_ONLY_FORMATS = Set.of(CsvWithHeaderFormatFactory.IDENTIFIER);
  /**
   * Options a program may set. Flink's connector has more (e.g. a partition-commit policy CLASS, which it would load
   * and run), so everything else is refused rather than passed through.
   */
  static final Set<String> OPTIONS = Set.of("path", "format", "source.monitor-interval",
      "sink.rolling-policy.file-size", "sink.rolling-policy.rollover-interval", "sink.rolling-policy.inactivity-interval",
      "sink.rolling-policy.check-interval", "csv.field-delimiter", "csv.ignore-parse-errors", "csv.allow-comments",
      "csv.null-literal", "csv.quote-character", "json.ignore-parse-errors",
      "json.encode.decimal-as-plain-number", "csv-with-header.field-delimiter", "csv-with-header.ignore-parse-errors",
      "csv-with-header.allow-comments", "csv-with-header.null-literal", "csv-with-header.quote-character");

  private FileSystemDescriptors() {}

  /** The descriptor with its path made absolute by the data root (for a source, the path must exist). */
  static TableDescriptorIr checked(TableDescriptorIr ir, DataRoot root, boolean source) {
    for (String k : ir.options().keySet()) {
      if (!OPTIONS.contains(k)) throw new IrException("filesystem option \"" + k + "\" is not allowed; allowed: " + new java.util.TreeSet<>(OPTIONS));
    }
    String format = ir.options().get("format");
    if (!FORMATS.contains(format)) throw new IrException("filesystem format must be one of " + new java.util.TreeSet<>(FORMATS) + ", got " + format);
    if (!source && SOURCE_ONLY_FORMATS.contains(format)) throw new IrException("the " + format + " format reads files only; a sink writes csv");
    if (ir.schema() == null && source) throw new IrException("a filesystem source needs a schema");
    Map<String, String> options = new HashMap<>(ir.options());
    Path resolved = root.resolve(ir.options().get("path"), source);
    // A source is read through the confined scheme: Flink's connector lists the folder again at every monitor interval,
    // and each file it finds then is checked by its real path too, not only the path checked here.
    options.put("path", source ? ConfinedFileSystem.uriOf(resolved) : resolved.toString());
    return ir.withOptions(options);
  }
}
