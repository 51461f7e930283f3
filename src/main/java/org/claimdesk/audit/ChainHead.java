package org.claimdesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest link of the audit chain, one row. Appending locks it, so sequence numbers are gapless
 * and the chain is total even with concurrent requests on several application nodes.
 */
@Entity
@Table(name = "audit_chain_head")
class ChainHead {
  static final int ID = 1;

  @Id private int id;

  @Column(name = "last_seq")
  private Long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected ChainHead() {}

  long nextSeq() {
    return lastSeq == null ? 1 : lastSeq + 1;
  }

  String lastHash() {
    return lastHash;
  }

  void advanceTo(AuditEvent event) {
    if (event.seq() != nextSeq() || !event.prevHash().equals(lastHash)) {
      throw new IllegalStateException("The audit chain moved underneath this append");
    }
    lastSeq = event.seq();
    lastHash = event.hash();
  }
}
