package org.claimdesk.casework.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Priority;
import org.claimdesk.casework.Queue;
import org.claimdesk.casework.QueueFilter;
import org.claimdesk.casework.QueueOrder;

/**
 * The query parameters that choose a queue's cases and order, shared by the list and the export.
 * The names are those of the page's URL ({@code cases/index.xhtml}); the fields carry them too, so
 * that a refused value is named as the client sent it.
 */
public class QueueParams {
  /** Ascending or descending. */
  public enum Direction {
    ASC,
    DESC
  }

  @QueryParam("queue")
  Queue queue;

  @QueryParam("assignee")
  @Size(max = 64)
  String assignee;

  @QueryParam("unassigned")
  Boolean unassigned;

  @QueryParam("overdue")
  Boolean overdue;

  @QueryParam("status")
  CaseStatus status;

  @QueryParam("priority")
  Priority priority;

  @QueryParam("tag")
  @Size(max = 60)
  String tag;

  @QueryParam("q")
  @Size(max = 200)
  String q;

  @QueryParam("sort")
  QueueOrder.Sort sort;

  @QueryParam("order")
  Direction order;

  /** Over the API, no queue means all cases. */
  Queue queue() {
    return queue == null ? Queue.ALL : queue;
  }

  QueueFilter filter(String me) {
    return queue()
        .filter(new QueueFilter(assignee, unassigned, overdue, status, priority, tag, q), me);
  }

  QueueOrder order() {
    return QueueOrder.of(
        sort == null ? null : sort.id(), order == null ? null : order.name(), queue().usualOrder());
  }
}
