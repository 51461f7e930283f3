package org.claimdesk.verdict;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;

/**
 * How a team reviews verdicts: how many supervisors must approve (quorum), and whether a second
 * fact-checker first rates the claim without seeing the proposal (blind cross-check). Neither can
 * weaken four-eyes: that rule is not a setting.
 */
@Entity
@Table(name = "review_policy")
@EntityListeners(AuditedEntityGuard.class)
public class ReviewPolicy implements Audited {
  static final String DESK = "desk";
  static final int LARGEST_QUORUM = 5;

  @Id
  @Column(length = 40)
  private String team;

  @Version private long version;

  @Column(nullable = false)
  private int quorum;

  @Column(name = "blind_cross_check", nullable = false)
  private boolean blindCrossCheck;

  protected ReviewPolicy() {}

  void change(int newQuorum, boolean newBlindCrossCheck) {
    if (newQuorum < 1 || newQuorum > LARGEST_QUORUM) {
      throw new InvalidInput("refusal.review.quorum", LARGEST_QUORUM);
    }
    quorum = newQuorum;
    blindCrossCheck = newBlindCrossCheck;
  }

  public String team() {
    return team;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public String auditType() {
    return "review-policy";
  }

  @Override
  public String auditId() {
    return team;
  }

  public int quorum() {
    return quorum;
  }

  public boolean blindCrossCheck() {
    return blindCrossCheck;
  }
}
