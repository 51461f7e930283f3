package org.claimdesk.casework.api;

import jakarta.ws.rs.QueryParam;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Priority;
import org.claimdesk.casework.Queue;
import org.claimdesk.casework.QueueFilter;
import org.claimdesk.casework.QueueOrder;
import org.claimdesk.platform.JsonFields;

/**
 * The query parameters that choose a queue's cases and order, shared by the list and the export.
 * The names are those of the page's URL ({@code cases/index.xhtml}).
 */
public class QueueParams {
  @QueryParam("queue")
  String queue;

  @QueryParam("assignee")
  String assignee;

  @QueryParam("unassigned")
  Boolean unassigned;

  @QueryParam("overdue")
  Boolean overdue;

  @QueryParam("status")
  String status;

  @QueryParam("priority")
  String priority;

  @QueryParam("tag")
  String tag;

  @QueryParam("q")
  String text;

  @QueryParam("sort")
  String sort;

  @QueryParam("order")
  String order;

  /** Over the API, no queue means all cases. */
  Queue queue() {
    return Queue.named(queue == null || queue.isBlank() ? "all" : queue);
  }

  QueueFilter filter(String me) {
    return queue()
        .filter(
            new QueueFilter(
                assignee,
                unassigned,
                overdue,
                JsonFields.named(CaseStatus.class, status, "status"),
                JsonFields.named(Priority.class, priority, "priority"),
                tag,
                text),
            me);
  }

  QueueOrder order() {
    return QueueOrder.of(sort, order, queue().usualOrder());
  }
}
