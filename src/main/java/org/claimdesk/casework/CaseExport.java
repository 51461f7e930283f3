package org.claimdesk.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.SpreadsheetCsv;

/**
 * A queue as CSV, for spreadsheets: every matching case in the queue's order, read a page at a time
 * by key, so 100,000 cases stream without being held in memory. Exports are recorded: a list of
 * cases leaving ClaimDesk is something auditors want to see.
 */
@ApplicationScoped
public class CaseExport {
  static final int CHUNK = 500;

  static final String[] HEADER = {
    "id",
    "title",
    "status",
    "priority",
    "dueOn",
    "overdue",
    "tags",
    "assignees",
    "claimId",
    "openedAt",
    "openedBy",
    "selectionReason"
  };

  @Inject CaseQueue queue;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /** Writes the rows; runs while the response body is written. */
  public interface Rows {
    void writeTo(Writer out);
  }

  /**
   * Checks the caller and records {@code cases.exported} with the filter and order now; the rows
   * are read later, when they are written.
   */
  @Transactional
  public Rows csv(QueueFilter filter, QueueOrder order) {
    caller.require(Role.values());
    audit.record(
        Change.about("cases.exported", "case-queue", null)
            .set(
                "filter",
                filter.parameters().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&")))
            .set("order", order.sort().id() + " " + order.order()));
    return out -> {
      SpreadsheetCsv.row(out, (Object[]) HEADER);
      LocalDate today = LocalDate.now(clock);
      QueueCursor after = null;
      List<Case> page;
      do {
        page = queue.after(filter, order, after, CHUNK);
        for (Case c : page) {
          SpreadsheetCsv.row(
              out,
              c.id(),
              c.title(),
              c.status(),
              c.priority(),
              c.dueOn().orElse(null),
              c.overdue(today),
              String.join("; ", c.tags().stream().sorted().toList()),
              String.join("; ", c.assignees().stream().sorted().toList()),
              c.claim().id(),
              c.openedAt(),
              c.openedBy(),
              c.selectionReason());
        }
        if (!page.isEmpty()) {
          after = order.cursorAt(page.get(page.size() - 1));
        }
      } while (page.size() == CHUNK);
    };
  }
}
