package org.claimdesk.platform.api;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The REST resources of this deployment, as CDI discovers them, so that {@link ApiDocument} can
 * describe them from their Java signatures without a list of its own to keep up to date.
 */
public class ApiResources implements Extension {
  private static final List<Class<?>> FOUND = new CopyOnWriteArrayList<>();

  void found(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> type) {
    Class<?> resource = type.getAnnotatedType().getJavaClass();
    if (resource.isAnnotationPresent(Path.class) && !FOUND.contains(resource)) {
      FOUND.add(resource);
    }
  }

  static List<Class<?>> found() {
    return List.copyOf(FOUND);
  }
}
