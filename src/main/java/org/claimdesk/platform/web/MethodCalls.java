package org.claimdesk.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pages' method calls ({@code #{row.title()}}, {@code #{'case.status.'.concat(s)}}, {@code
 * #{dates.day(d)}}) with the method looked up once per class. Jakarta EL 5's {@code BeanELResolver}
 * looks the method up on every evaluation and copies the class's whole method table to do so
 * ({@code Class.getMethods}); a queue page makes some 800 such calls and spent a seventh of its
 * rendering there.
 *
 * <p>Answered here: a public class's public instance method when it is the only one of that name
 * taking that many arguments, none of them varargs; the arguments are coerced as EL coerces them.
 * Anything else (overloads, static calls, a method this package may not call) goes on to the
 * standard resolvers, unresolved.
 */
public class MethodCalls extends ELResolver {
  // by name and number of parameters; empty when overloaded, so that EL's own rules choose
  private static final ClassValue<Map<String, Optional<Method>>> METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
          if (!Modifier.isPublic(type.getModifiers())) {
            return Map.of();
          }
          return Arrays.stream(type.getMethods())
              .filter(m -> !Modifier.isStatic(m.getModifiers()))
              .collect(
                  Collectors.groupingBy(
                      m -> key(m.getName(), m.getParameterCount()),
                      Collectors.collectingAndThen(
                          Collectors.toList(), MethodCalls::theOnlyPlainOne)));
        }
      };

  private static Optional<Method> theOnlyPlainOne(List<Method> methods) {
    return methods.size() == 1 && !methods.get(0).isVarArgs()
        ? Optional.of(methods.get(0))
        : Optional.empty();
  }

  private static String key(String name, int parameters) {
    return name + "/" + parameters;
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null || base instanceof Class || method == null) {
      return null;
    }
    Object[] given = params == null ? new Object[0] : params;
    Method target =
        METHODS
            .get(base.getClass())
            .getOrDefault(key(method.toString(), given.length), Optional.empty())
            .orElse(null);
    if (target == null) {
      return null;
    }
    Class<?>[] types = target.getParameterTypes();
    Object[] arguments = new Object[given.length];
    for (int i = 0; i < given.length; i++) {
      arguments[i] = context.convertToType(given[i], types[i]);
    }
    Object value;
    try {
      value = target.invoke(base, arguments);
    } catch (IllegalAccessException e) {
      return null; // declared in a class this package may not call: the standard resolvers decide
    } catch (InvocationTargetException e) {
      throw new ELException(e.getCause());
    }
    context.setPropertyResolved(base, method);
    return value;
  }

  // property access (#{row.title}) is not answered here: the standard resolvers decide it

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    // not resolved here
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}
