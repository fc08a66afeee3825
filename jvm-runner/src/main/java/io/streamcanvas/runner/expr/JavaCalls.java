// Calls an ApiExpression method or Expressions static by name, choosing the overload whose parameters take the values
// (expressions for InType/Object, a Word for a String or an enum constant, varargs packed), as javac would for the printer.
package io.streamcanvas.runner.expr;

import io.streamcanvas.runner.ir.IrException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Expressions;

final class JavaCalls {
  /** A Java value written as a word in the IR: a unit (DAY), a JSON path, a JsonOnNull constant. */
  record Word(String text) {}

  private JavaCalls() {}

  static ApiExpression call(Functions.Fn fn, List<Object> values) {
    switch (fn.java()) {
      case "fold": {
        ApiExpression acc = (ApiExpression) values.get(0);
        for (Object v : values.subList(1, values.size())) acc = invoke(fn, acc, List.of(v));
        return acc;
      }
      case "method":
        if (!(values.get(0) instanceof ApiExpression receiver)) throw new IrException("function " + fn.ir() + " needs an expression first");
        return invoke(fn, receiver, values.subList(1, values.size()));
      case "static": {
        List<Object> all = new ArrayList<>();
        for (String c : fn.javaLead()) all.add(new Word(c));
        all.addAll(values);
        return invoke(fn, null, all);
      }
      default: throw new IrException("function " + fn.ir() + " has an unknown Java form " + fn.java());
    }
  }

  private static ApiExpression invoke(Functions.Fn fn, ApiExpression receiver, List<Object> args) {
    Class<?> owner = receiver == null ? Expressions.class : ApiExpression.class;
    for (Method m : owner.getMethods()) {
      if (!m.getName().equals(fn.ir()) || Modifier.isStatic(m.getModifiers()) != (receiver == null)) continue;
      Object[] bound = bind(m, args);
      if (bound == null) continue;
      try {
        return (ApiExpression) m.invoke(receiver, bound);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw new IrException("function " + fn.ir() + ": " + (cause == null ? e : cause).getMessage(), cause == null ? e : cause);
      } catch (IllegalAccessException e) {
        throw new IrException("function " + fn.ir() + " cannot be called: " + e.getMessage(), e);
      }
    }
    throw new IrException("function " + fn.ir() + " has no " + owner.getSimpleName() + " overload for " + args.size() + " argument(s)");
  }

  /** The arguments for `m`, or null when it does not take these values. */
  static Object[] bind(Method m, List<Object> values) {
    Class<?>[] ps = m.getParameterTypes();
    int fixed = m.isVarArgs() ? ps.length - 1 : ps.length;
    if (m.isVarArgs() ? values.size() < fixed : values.size() != ps.length) return null;
    Object[] out = new Object[ps.length];
    for (int i = 0; i < fixed; i++) {
      out[i] = convert(ps[i], values.get(i));
      if (out[i] == null) return null;
    }
    if (m.isVarArgs()) {
      Class<?> component = ps[fixed].getComponentType();
      Object array = Array.newInstance(component, values.size() - fixed);
      for (int i = fixed; i < values.size(); i++) {
        Object v = convert(component, values.get(i));
        if (v == null) return null;
        Array.set(array, i - fixed, v);
      }
      out[fixed] = array;
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Class<?> type, Object value) {
    if (value instanceof ApiExpression) return type == Object.class || type.isInstance(value) ? value : null;
    String text = ((Word) value).text();
    if (type == String.class) return text;
    if (type.isEnum()) {
      try {
        return Enum.valueOf((Class<Enum>) type, text);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }
}
