package org.claimdesk.casework;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which cases a queue shows; a null field means "any". Blank text counts as not given, tags compare
 * lower-case (as Case stores them) and {@code text} is a case-insensitive part of the title.
 */
public record QueueFilter(
    String assignee,
    Boolean unassigned,
    Boolean overdue,
    CaseStatus status,
    Priority priority,
    String tag,
    String text)
    implements java.io.Serializable {
  public static final QueueFilter ALL = new QueueFilter(null, null, null, null, null, null, null);

  public QueueFilter {
    assignee = given(assignee);
    unassigned = Boolean.TRUE.equals(unassigned) ? true : null;
    overdue = Boolean.TRUE.equals(overdue) ? true : null;
    tag = given(tag) == null ? null : tag.strip().toLowerCase(Locale.ROOT);
    text = given(text) == null ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  /** This filter with every field the other one fixes taken from it. */
  QueueFilter fixing(QueueFilter fixed) {
    return new QueueFilter(
        fixed.assignee != null ? fixed.assignee : assignee,
        fixed.unassigned != null ? fixed.unassigned : unassigned,
        fixed.overdue != null ? fixed.overdue : overdue,
        fixed.status != null ? fixed.status : status,
        fixed.priority != null ? fixed.priority : priority,
        fixed.tag != null ? fixed.tag : tag,
        fixed.text != null ? fixed.text : text);
  }

  /**
   * The fields that are set, under the names the API and the page's URL use ({@code q} for the
   * text): for links, exports and the audit trail.
   */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "assignee", assignee);
    put(p, "unassigned", unassigned);
    put(p, "overdue", overdue);
    put(p, "status", status);
    put(p, "priority", priority);
    put(p, "tag", tag);
    put(p, "q", text);
    return p;
  }

  private static void put(Map<String, String> p, String name, Object value) {
    if (value != null) {
      p.put(name, String.valueOf(value));
    }
  }

  private static String given(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The text for {@code LIKE … ESCAPE '\'}: its own % and _ match only themselves. */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
