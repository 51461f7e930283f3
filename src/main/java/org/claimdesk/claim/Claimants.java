package org.claimdesk.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.NotFound;

/** The register of claimants: one record per person or organisation, reused across claims. */
@ApplicationScoped
@Transactional
public class Claimants {
  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Event<ClaimantChanged> changed;

  public Claimant find(long id) {
    caller.require(Role.values());
    Claimant claimant = em.find(Claimant.class, id);
    if (claimant == null) {
      throw new NotFound("refusal.claimant.unknown", id);
    }
    return claimant;
  }

  public List<Claimant> all() {
    caller.require(Role.values());
    return em.createNamedQuery("Claimant.all", Claimant.class).getResultList();
  }

  /** Claimants whose name starts with the typed prefix, for auto-completion. */
  public List<Claimant> startingWith(String prefix, int limit) {
    caller.require(Role.values());
    String key =
        Claimant.keyOf(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return em.createNamedQuery("Claimant.startingWith", Claimant.class)
        .setParameter("prefix", key + "%")
        .setMaxResults(Math.max(1, Math.min(limit, 50)))
        .getResultList();
  }

  public Optional<Claimant> named(String name) {
    return em.createNamedQuery("Claimant.byKey", Claimant.class)
        .setParameter("key", Claimant.keyOf(name))
        .getResultStream()
        .findFirst();
  }

  /** The claimant with this name, created (and audited) when it is new. */
  public Claimant namedOrNew(String name) {
    caller.require(ClaimRegister.CAPTURERS);
    return named(name).orElseGet(() -> create(name, Claimant.Kind.UNKNOWN, null));
  }

  public Claimant create(String name, Claimant.Kind kind, String description) {
    caller.require(ClaimRegister.CAPTURERS);
    named(name)
        .ifPresent(
            existing -> {
              throw new Duplicate(
                  Message.of("refusal.claimant.duplicate", existing.name()),
                  "/api/claimants/" + existing.id());
            });
    Claimant claimant = new Claimant(name, kind, description, caller.username(), clock.instant());
    em.persist(claimant);
    audit.record(
        Change.of("claimant.created", claimant)
            .set("name", claimant.name())
            .set("kind", claimant.kind().name())
            .set("description", claimant.description()));
    changed.fire(new ClaimantChanged(claimant.id()));
    return claimant;
  }

  public Claimant edit(
      long id, long expectedVersion, String name, Claimant.Kind kind, String description) {
    caller.require(ClaimRegister.CAPTURERS);
    Claimant claimant = find(id);
    claimant.requireVersion(expectedVersion);
    named(name)
        .filter(other -> !other.id().equals(claimant.id()))
        .ifPresent(
            other -> {
              throw new Duplicate(
                  Message.of("refusal.claimant.duplicate", other.name()),
                  "/api/claimants/" + other.id());
            });
    String oldName = claimant.name();
    Claimant.Kind oldKind = claimant.kind();
    String oldDescription = claimant.description().orElse(null);
    claimant.rename(name);
    claimant.describe(kind, description);
    Change change =
        Change.of("claimant.edited", claimant)
            .field("name", oldName, claimant.name())
            .field("kind", oldKind.name(), claimant.kind().name())
            .field("description", oldDescription, claimant.description().orElse(null));
    if (!change.changedNothing()) {
      audit.record(change);
      changed.fire(new ClaimantChanged(id));
    }
    return claimant;
  }
}
