package org.claimdesk.casework;

import java.util.Locale;
import org.claimdesk.platform.InvalidInput;

/**
 * The desk's standing queues. Each fixes part of the filter (the rest is the viewer's choice) and
 * has the order its users most often want.
 */
public enum Queue {
  /** The caller's cases, newest first. */
  MINE(new QueueOrder(QueueOrder.Sort.OPENED, false)),
  /** Cases nobody works yet, most urgent first. */
  TEAM(new QueueOrder(QueueOrder.Sort.PRIORITY, false)),
  /** Open cases past their due date, longest overdue first. */
  OVERDUE(new QueueOrder(QueueOrder.Sort.DUE, true)),
  /** Verdicts waiting for a supervisor's review, the most pressing first. */
  REVIEW(new QueueOrder(QueueOrder.Sort.DUE, true)),
  /** Every case, newest first. */
  ALL(new QueueOrder(QueueOrder.Sort.OPENED, false));

  private final QueueOrder usualOrder;

  Queue(QueueOrder usualOrder) {
    this.usualOrder = usualOrder;
  }

  /** The queue of that name (mine, team, overdue, review, all); none given means {@link #MINE}. */
  public static Queue named(String name) {
    if (name == null || name.isBlank()) {
      return MINE;
    }
    for (Queue q : values()) {
      if (q.name().equalsIgnoreCase(name.strip())) {
        return q;
      }
    }
    throw new InvalidInput("refusal.queue.name", name);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The viewer's filter within this queue; the fields the queue fixes cannot be changed. The
   * assignee "me" is the viewer.
   */
  public QueueFilter filter(QueueFilter chosen, String me) {
    QueueFilter own =
        "me".equals(chosen.assignee())
            ? new QueueFilter(
                me,
                chosen.unassigned(),
                chosen.overdue(),
                chosen.status(),
                chosen.priority(),
                chosen.tag(),
                chosen.text())
            : chosen;
    return own.fixing(fixed(me));
  }

  /** Filter fields this queue sets itself, so a page need not offer them. */
  public QueueFilter fixed(String me) {
    return switch (this) {
      case MINE -> new QueueFilter(me, null, null, null, null, null, null);
      case TEAM -> new QueueFilter(null, true, null, null, null, null, null);
      case OVERDUE -> new QueueFilter(null, null, true, null, null, null, null);
      case REVIEW -> new QueueFilter(null, null, null, CaseStatus.IN_REVIEW, null, null, null);
      case ALL -> QueueFilter.ALL;
    };
  }

  public QueueOrder usualOrder() {
    return usualOrder;
  }
}
