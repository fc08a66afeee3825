// Reads TableProgram JSON into IR records; every contract violation becomes an IrException with a readable message.
package io.streamcanvas.runner.ir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;

public final class IrReader {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
      .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

  private IrReader() {}

  public static TableProgram read(String json) {
    try {
      return MAPPER.readValue(json, TableProgram.class);
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  public static TableProgram read(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) throw new IrException("program is required");
    try {
      return MAPPER.treeToValue(node, TableProgram.class);
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  private static IrException wrap(IOException e) {
    String where = e instanceof JsonMappingException jme ? path(jme) : "";
    // Our own checks in record constructors arrive wrapped; surface their message unchanged.
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IrException ir) {
      return new IrException("invalid program" + where + ": " + ir.getMessage(), ir);
    }
    String msg = e instanceof JsonMappingException jme ? jme.getOriginalMessage() : e.getMessage();
    int nl = msg == null ? -1 : msg.indexOf('\n');
    return new IrException("invalid program" + where + ": " + (nl > 0 ? msg.substring(0, nl) : msg), e);
  }

  /** " at statements[2].predicate" from Jackson's reference chain, so the caller can find the bad node. */
  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) sb.append('.');
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "" : " at " + sb;
  }
}
