package org.claimdesk.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On a cluster ({@code <distributable/>}) the data grid copies every session: view- and
 * session-scoped beans and what they hold must serialise, or the next click after a node change
 * fails. This walks each such bean's fields (and their fields, and collection element types): each
 * is primitive, serialisable, transient, or an injected normal-scoped bean (Weld's proxy is
 * serialisable and finds the bean on the new node).
 */
class ReplicatedScopesTest {
  private static final List<Class<?>> REPLICATED_SCOPES =
      List.of(ViewScoped.class, SessionScoped.class);
  private static final List<Class<?>> PROXIED_SCOPES =
      List.of(ApplicationScoped.class, RequestScoped.class, SessionScoped.class);

  /** Types whose producer is normal-scoped, so what is injected is a proxy (ClockProducer). */
  private static final Set<Class<?>> PRODUCED_NORMAL_SCOPED = Set.of(java.time.Clock.class);

  private static final com.tngtech.archunit.core.domain.JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target/classes"));

  static List<Class<?>> replicatedBeans() {
    List<Class<?>> beans = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      Class<?> type = c.reflect();
      if (REPLICATED_SCOPES.stream()
          .anyMatch(
              s -> type.isAnnotationPresent(s.asSubclass(java.lang.annotation.Annotation.class)))) {
        beans.add(type);
      }
    }
    return beans;
  }

  @Test
  void everyViewAndSessionScopedBeanSerialisesWithAllItHolds() {
    List<Class<?>> beans = replicatedBeans();
    assertTrue(beans.size() >= 20, "found only " + beans);
    List<String> problems = new ArrayList<>();
    for (Class<?> bean : beans) {
      check(bean, bean.getSimpleName(), problems, new HashSet<>());
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theWebApplicationIsDistributable() throws Exception {
    String webXml = Files.readString(Path.of("webapp/WEB-INF/web.xml"));
    assertTrue(Pattern.compile("<distributable\\s*/>").matcher(webXml).find());
  }

  @Test
  void theCheckCatchesAFieldThatDoesNotSerialise() {
    List<String> problems = new ArrayList<>();
    check(Leaky.class, "Leaky", problems, new HashSet<>());
    assertEquals(2, problems.size(), problems.toString());
    assertFalse(problems.stream().anyMatch(p -> p.contains("fine")), problems.toString());
  }

  /** What a careless bean might hold: a thread and a list of them. */
  @SuppressWarnings("unused")
  static class Leaky implements Serializable {
    private Thread worker;
    private List<Thread> workers;
    private List<String> fine;
    private transient Thread ignored;
  }

  private static void check(Class<?> type, String path, List<String> problems, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (!Serializable.class.isAssignableFrom(type)) {
      problems.add(path + ": " + type.getName() + " is not Serializable");
      return;
    }
    if (!type.getName().startsWith("org.claimdesk.")) {
      return; // a library's serialisable class (PrimeFaces' data models): its own business
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int m = field.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isTransient(m) || field.isSynthetic()) {
          continue;
        }
        String at = path + "." + field.getName();
        if (field.isAnnotationPresent(Inject.class)
            && (isProxied(field.getType()) || PRODUCED_NORMAL_SCOPED.contains(field.getType()))) {
          continue;
        }
        checkType(field.getGenericType(), at, problems, seen);
      }
    }
  }

  private static void checkType(Type type, String at, List<String> problems, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      // collections and optionals are interfaces here; the implementations ClaimDesk builds
      // (ArrayList, List.of, HashMap, ...) serialise when their elements do
      if (!Collection.class.isAssignableFrom(raw)
          && !Map.class.isAssignableFrom(raw)
          && raw != Optional.class) {
        checkType(raw, at, problems, seen);
      }
      if (raw == Optional.class) {
        problems.add(at + ": Optional does not serialise");
      }
      for (Type argument : p.getActualTypeArguments()) {
        checkType(argument, at + "<>", problems, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        checkType(bound, at, problems, seen);
      }
    } else if (type instanceof Class<?> c) {
      if (c.isPrimitive() || c.isEnum() || c == String.class || c == Object.class) {
        return;
      }
      if (c.isArray()) {
        checkType(c.getComponentType(), at + "[]", problems, seen);
      } else if (c.getName().startsWith("java.")) {
        if (!Serializable.class.isAssignableFrom(c)
            && !Collection.class.isAssignableFrom(c)
            && !Map.class.isAssignableFrom(c)) {
          problems.add(at + ": " + c.getName() + " is not Serializable");
        }
      } else {
        check(c, at, problems, seen);
      }
    }
  }

  /** A normal-scoped bean, or an interface whose every implementation is one. */
  private static boolean isProxied(Class<?> type) {
    if (type.isInterface() && type.getName().startsWith("org.claimdesk.")) {
      List<Class<?>> implementations =
          CLASSES.stream()
              .<Class<?>>map(JavaClass::reflect)
              .filter(c -> !c.isInterface() && type.isAssignableFrom(c))
              .toList();
      return !implementations.isEmpty() && implementations.stream().allMatch(i -> isProxied(i));
    }
    return PROXIED_SCOPES.stream()
        .anyMatch(
            s -> type.isAnnotationPresent(s.asSubclass(java.lang.annotation.Annotation.class)));
  }

  @Test
  void aBeanWithoutInjectionsActuallySerialises() throws Exception {
    // the static walk above is the rule; this proves the JDK agrees on one real bean
    var bean = org.claimdesk.article.web.CaptureDialog.Capture.class.getDeclaredConstructor();
    bean.setAccessible(true);
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(bean.newInstance());
    }
  }
}
