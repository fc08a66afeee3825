// The manifests' YAML, printed by the `yaml` library: block style, every string value double-quoted (a JSON string is a
// valid YAML scalar), so no value can turn into another type or a tag; undefined fields are left out.
import { Document } from "yaml";

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml | undefined };

/** One YAML document for `value`, ending with a newline; `comment` lines go first as `# …`. */
export function toYaml(value: Yaml, comment: string[] = []): string {
  const doc = new Document(value);
  if (comment.length) doc.commentBefore = comment.map((c) => ` ${c}`).join("\n");
  return doc.toString({ defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
}

export type { Yaml };
