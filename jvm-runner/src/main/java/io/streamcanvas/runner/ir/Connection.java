// A stored connection as the server hands it over with a submission (POST /jobs `connections`): its kind and the client
// properties it provides, secrets included; they live only in the runner's memory and are scrubbed from every error
// (job/Secrets, by SecretScrubber's rules).
package io.streamcanvas.runner.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

public record Connection(String kind, Map<String, String> properties) {
  public Connection {
    IrException.required(kind, "connection kind");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** `{ name: { kind, properties: { key: value } } }`, or none; a malformed entry is an IrException naming it. */
  public static Map<String, Connection> read(JsonNode node) {
    Map<String, Connection> out = new LinkedHashMap<>();
    if (node == null || node.isNull() || node.isMissingNode()) return out;
    if (!node.isObject()) throw new IrException("connections must be an object of name → {kind, properties}");
    for (var e : node.properties()) {
      JsonNode c = e.getValue();
      String name = e.getKey();
      if (!c.isObject() || !c.path("kind").isTextual()) throw new IrException("connection \"" + name + "\" needs a kind");
      Map<String, String> props = new LinkedHashMap<>();
      JsonNode p = c.path("properties");
      if (!p.isMissingNode() && !p.isObject()) throw new IrException("connection \"" + name + "\": properties must be an object of strings");
      for (var prop : p.properties()) {
        if (!prop.getValue().isTextual()) throw new IrException("connection \"" + name + "\": property \"" + prop.getKey() + "\" must be a string");
        props.put(prop.getKey(), prop.getValue().asText());
      }
      out.put(name, new Connection(c.get("kind").asText(), props));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Connection[" + kind + ", " + properties.keySet() + "]"; // never the values
  }
}
