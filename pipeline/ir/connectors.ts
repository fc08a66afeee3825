// The connectors a TableDescriptor may name and, where jvm-runner checks them, the options each may set. The runner's
// Descriptors.CONNECTORS and CHECKED_OPTIONS mirror this table; IrContractTest holds them to pipeline/fixtures/ir-contract.json.

/**
 * `options: null` = the runner passes the descriptor's options to Flink as given. `dataPath`: the option holding a
 * path under the data root, which the server resolves and checks (server/files/data-root.ts) and the runner again.
 */
export type ConnectorRule = { options: readonly string[] | null; dataPath?: string };

export const CONNECTORS: Record<string, ConnectorRule> = {
  datagen: { options: null },
  print: { options: null },
  blackhole: { options: null },
  /**
   * Only options a StreamCanvas node sets: Flink's connector has more (e.g. a partition-commit policy CLASS, which it
   * would load and run), so the runner refuses the rest.
   */
  filesystem: {
    dataPath: "path",
    options: [
      "path", "format", "source.monitor-interval", "sink.rolling-policy.file-size", "sink.rolling-policy.rollover-interval",
      "sink.rolling-policy.inactivity-interval", "sink.rolling-policy.check-interval", "csv.field-delimiter",
      "csv.ignore-parse-errors", "csv.allow-comments", "csv.null-literal", "csv.quote-character", "json.ignore-parse-errors",
      "json.encode.decimal-as-plain-number", "csv-with-header.field-delimiter", "csv-with-header.ignore-parse-errors",
      "csv-with-header.allow-comments", "csv-with-header.null-literal", "csv-with-header.quote-character",
    ],
  },
};

/** Where a descriptor breaks the table: an unknown connector or an option the runner would refuse; null when none. */
export function connectorProblem(d: { connector: string; options: Record<string, string> }): string | null {
  const rule = CONNECTORS[d.connector];
  if (!rule) return `connector ${JSON.stringify(d.connector)} is not available; use one of ${Object.keys(CONNECTORS).sort().join(", ")}`;
  const bad = rule.options && Object.keys(d.options).find((k) => !rule.options!.includes(k));
  return bad ? `${d.connector} option ${JSON.stringify(bad)} is not allowed` : null;
}
