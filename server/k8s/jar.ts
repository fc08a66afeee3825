// Writes zip archives with entries stored, not compressed: a pipeline's job jar (its program, which RunProgram reads
// from the classpath; byte-identical for the same input) and the export's build context for a browser download.
import zlib from "node:zlib";
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  // Node ≥ 20.15 has it natively (much faster on the context's jars); older ones use the table
  const native = (zlib as { crc32?: (b: Buffer) => number }).crc32;
  if (native) return native(buf);
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00 in DOS time and date: a fixed stamp keeps the jar reproducible
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Little-endian fields of a zip header: [byte count, value] pairs. */
function fields(values: [2 | 4, number][]): Buffer {
  const b = Buffer.alloc(values.reduce((n, [size]) => n + size, 0));
  let at = 0;
  for (const [size, v] of values) at = size === 2 ? b.writeUInt16LE(v, at) : b.writeUInt32LE(v, at);
  return b;
}

const UTF8_NAMES = 0x0800;

/** A jar of `entries` (path → UTF-8 text), in the given order, with a JAR manifest first. */
export function writeJar(entries: Record<string, string>): Buffer {
  return writeZip([["META-INF/MANIFEST.MF", Buffer.from("Manifest-Version: 1.0\r\nCreated-By: StreamCanvas\r\n\r\n")],
    ...Object.entries(entries).map(([p, text]): [string, Buffer] => [p, Buffer.from(text, "utf8")])]);
}

/** The zip bytes of `all` ([path, bytes]), in the given order. */
export function writeZip(all: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of all) {
    const nameBytes = Buffer.from(name, "utf8");
    // version needed 1.0, UTF-8 names, method 0 (stored), fixed time and date, crc, sizes, name length, no extra
    const common: [2 | 4, number][] = [[2, UTF8_NAMES], [2, 0], [2, DOS_TIME], [2, DOS_DATE], [4, crc32(data)],
      [4, data.length], [4, data.length], [2, nameBytes.length], [2, 0]];
    locals.push(fields([[4, 0x04034b50], [2, 10], ...common]), nameBytes, data);
    // made by 2.0; no comment, disk 0, no attributes; the local header's offset
    centrals.push(fields([[4, 0x02014b50], [2, 20], [2, 10], ...common, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = fields([[4, 0x06054b50], [2, 0], [2, 0], [2, all.length], [2, all.length], [4, centralSize], [4, offset], [2, 0]]);
  return Buffer.concat([...locals, ...centrals, end]);
}
