package org.claimdesk.platform.web;

import jakarta.persistence.OptimisticLockException;
import java.util.Optional;
import org.claimdesk.platform.AccessDenied;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.SameMoment;

/** Finds the refusal a service gave inside the wrappers (transactions, proxies) around it. */
public final class Refusals {
  private Refusals() {}

  public static Optional<RuntimeException> of(Throwable e) {
    Optional<Conflict> sameMoment = SameMoment.in(e);
    if (sameMoment.isPresent()) {
      return Optional.of(sameMoment.get());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AccessDenied
          || t instanceof NotFound
          || t instanceof Conflict
          || t instanceof Refused
          || t instanceof IllegalArgumentException
          || t instanceof OptimisticLockException) {
        return Optional.of((RuntimeException) t);
      }
    }
    return Optional.empty();
  }
}
