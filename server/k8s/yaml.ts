// A small YAML printer for the manifests we generate (maps, lists, strings, numbers, booleans): block style, every
// string double-quoted (a JSON string is a valid YAML scalar), so no value can turn into another type or a tag.
type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml | undefined };

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const key = (k: string) => (PLAIN_KEY.test(k) ? k : JSON.stringify(k));
const scalar = (v: string | number | boolean | null) => (typeof v === "string" ? JSON.stringify(v) : String(v));
const isEmpty = (v: Yaml) => (Array.isArray(v) ? v.length === 0 : typeof v === "object" && v !== null && Object.keys(v).length === 0);

function lines(v: Yaml, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      if (typeof item !== "object" || item === null || isEmpty(item)) return [`${indent}- ${emptyOr(item)}`];
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest];
    });
  }
  if (typeof v === "object" && v !== null) {
    return Object.entries(v).filter(([, x]) => x !== undefined).flatMap(([k, x]) => {
      const child = x as Yaml;
      if (typeof child !== "object" || child === null || isEmpty(child)) return [`${indent}${key(k)}: ${emptyOr(child)}`];
      return [`${indent}${key(k)}:`, ...lines(child, Array.isArray(child) ? indent : `${indent}  `)];
    });
  }
  return [`${indent}${scalar(v)}`];
}

const emptyOr = (v: Yaml) => (Array.isArray(v) ? "[]" : typeof v === "object" && v !== null ? "{}" : scalar(v));

/** One YAML document for `value`, ending with a newline; `comment` lines go first as `# …`. */
export function toYaml(value: Yaml, comment: string[] = []): string {
  return [...comment.map((c) => `# ${c}`), ...lines(value, "")].join("\n") + "\n";
}

export type { Yaml };
