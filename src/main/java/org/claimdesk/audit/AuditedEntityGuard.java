package org.claimdesk.audit;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The safety net: an entity listener on every {@link Audited} entity that fails the transaction
 * when the entity reaches the database without its event having been recorded in the same
 * transaction. {@link AuditTrail#record} marks the entity first and flushes afterwards.
 */
public class AuditedEntityGuard {
  private static final String MARKS = AuditedEntityGuard.class.getName();

  /** Thrown when a change would be written without its audit event. */
  public static class UnauditedChange extends IllegalStateException {
    UnauditedChange(String message) {
      super(message);
    }
  }

  @PostPersist
  @PostUpdate
  @PostRemove
  void requireEvent(Object entity) {
    Audited audited = (Audited) entity;
    if (!marks().contains(key(audited))) {
      throw new UnauditedChange(
          "Refusing to write "
              + key(audited)
              + " without an audit event (call AuditTrail.record in the same transaction)");
    }
  }

  static void markAudited(Audited entity) {
    marks().add(key(entity));
  }

  private static String key(Audited entity) {
    return entity.getClass().getSimpleName() + ":" + entity.auditId();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> marks() {
    TransactionSynchronizationRegistry registry = registry();
    Set<String> marks = (Set<String>) registry.getResource(MARKS);
    if (marks == null) {
      marks = new HashSet<>();
      registry.putResource(MARKS, marks);
    }
    return marks;
  }

  private static TransactionSynchronizationRegistry registry() {
    try {
      return (TransactionSynchronizationRegistry)
          new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
    } catch (NamingException e) {
      throw new IllegalStateException(
          "No transaction registry: audited entities change only in transactions", e);
    }
  }
}
