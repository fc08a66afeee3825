// Splits sampled CSV text into fields: the delimiter, double-quoted fields with "" for a quote (as Flink's CSV format
// reads them by default). `complete`: the text is the whole file, so a last line without a newline is a row; otherwise
// it may be cut off by the sample's size limit and is dropped.

export function parseCsv(text: string, delimiter: string, maxRows: number, complete: boolean): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === "")) rows.push(row); // blank lines are no rows
    row = [];
    field = "";
  };
  while (i < text.length && rows.length < maxRows) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === "") (quoted = true), i++;
    else if (c === delimiter) row.push(field), (field = ""), i++;
    else if (c === "\n" || c === "\r") {
      endRow();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else (field += c), i++;
  }
  if (complete && rows.length < maxRows && (field !== "" || row.length > 0)) endRow();
  return rows;
}
