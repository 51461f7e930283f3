package org.claimdesk.audit;

/**
 * An entity whose every change must be recorded in the audit trail. The guard ({@link
 * AuditedEntityGuard}) fails a transaction that changes one without recording its event.
 */
public interface Audited {
  /** A stable name such as "account", used in events and filters. */
  String auditType();

  /** The identity auditors see, e.g. the user name or the numeric id. */
  String auditId();

  /** The optimistic-locking version after the change. */
  long version();

  /**
   * Refuses a change made from an older version than the stored one: somebody else saved in the
   * meantime (409 over REST, a message in the UI).
   */
  default void requireVersion(long expected) {
    if (version() != expected) {
      throw new jakarta.persistence.OptimisticLockException(
          auditType() + " " + auditId() + " was changed by somebody else in the meantime.");
    }
  }
}
