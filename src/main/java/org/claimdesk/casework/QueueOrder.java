package org.claimdesk.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.claimdesk.platform.InvalidInput;

/**
 * How a queue is sorted: by one key, then by id in the same direction, so that every row has a
 * unique place and a cursor can name it. Cases without a due date come after the dated ones when
 * sorting by due date ascending, and before them descending (the exact reverse, one index).
 */
public record QueueOrder(Sort sort, boolean ascending) implements java.io.Serializable {
  public static final QueueOrder NEWEST = new QueueOrder(Sort.OPENED, false);

  public enum Sort {
    OPENED("openedAt", false, c -> c.openedAt().toString(), Instant::parse),
    DUE("dueOn", true, c -> c.dueOn().map(LocalDate::toString).orElse(null), LocalDate::parse),
    PRIORITY("priorityRank", false, c -> "" + c.priority().ordinal(), Short::valueOf),
    STATUS("statusRank", true, c -> "" + c.status().ordinal(), Short::valueOf),
    TITLE("title", true, Case::title, s -> s);

    private final String path;
    private final boolean ascendingFirst;
    private final Function<Case, String> keyOf;
    private final Function<String, Object> parse;

    Sort(
        String path,
        boolean ascendingFirst,
        Function<Case, String> keyOf,
        Function<String, Object> parse) {
      this.path = "c." + path;
      this.ascendingFirst = ascendingFirst;
      this.keyOf = keyOf;
      this.parse = parse;
    }

    /** opened, due, priority, status or title. */
    public static Sort named(String name) {
      for (Sort s : values()) {
        if (s.id().equalsIgnoreCase(name.strip())) {
          return s;
        }
      }
      throw new InvalidInput("refusal.queue.sort", name);
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean mayBeEmpty() {
      return this == DUE;
    }

    Object key(String text) {
      try {
        return parse.apply(text);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new InvalidInput("refusal.queue.cursorDamaged");
      }
    }
  }

  /**
   * {@code sort} (opened, due, …) and {@code order} (asc or desc). Without a sort, the usual order;
   * without a direction, the one people mostly want: newest, soonest due, most urgent, earliest in
   * the workflow, A to Z.
   */
  public static QueueOrder of(String sort, String order, QueueOrder usual) {
    Sort s = sort == null || sort.isBlank() ? usual.sort() : Sort.named(sort);
    if (order == null || order.isBlank()) {
      return s == usual.sort() ? usual : new QueueOrder(s, s.ascendingFirst);
    }
    return switch (order.strip().toLowerCase(Locale.ROOT)) {
      case "asc" -> new QueueOrder(s, true);
      case "desc" -> new QueueOrder(s, false);
      default -> throw new InvalidInput("refusal.queue.order", order);
    };
  }

  public String order() {
    return ascending ? "asc" : "desc";
  }

  /** The place of this case in this order, for the next page. */
  public QueueCursor cursorAt(Case c) {
    return new QueueCursor(this, sort.keyOf.apply(c), c.id());
  }

  String orderBy() {
    String dir = ascending ? " ASC" : " DESC";
    String empties = !sort.mayBeEmpty() ? "" : ascending ? " NULLS LAST" : " NULLS FIRST";
    return sort.path + dir + empties + ", c.id" + dir;
  }

  /**
   * The rows after the cursor within its segment, as JPQL. Written as {@code k ≥ v AND (k > v OR id
   * > i)} rather than with a row value: JPQL has none, and the leading {@code k ≥ v} lets the
   * database start the index walk at the cursor.
   */
  String after(QueueCursor cursor, Map<String, Object> parameters) {
    String more = ascending ? ">" : "<";
    parameters.put("afterId", cursor.id());
    if (cursor.key() == null) {
      return sort.path + " IS NULL AND c.id " + more + " :afterId";
    }
    parameters.put("afterKey", sort.key(cursor.key()));
    return sort.path
        + " "
        + more
        + "= :afterKey AND ("
        + sort.path
        + " "
        + more
        + " :afterKey OR c.id "
        + more
        + " :afterId)";
  }

  /** The sort key's path, for a query that reads only it. */
  String sortPath() {
    return sort.path;
  }

  /**
   * The rows up to sort key {@code key} (not null) and those that share it: a beginning of this
   * order, as JPQL.
   */
  String upTo(Object key, Map<String, Object> parameters) {
    parameters.put("upTo", key);
    String upTo = sort.path + (ascending ? " <= " : " >= ") + ":upTo";
    // descending, the cases without a due date come first
    return sort.mayBeEmpty() && !ascending ? "(" + sort.path + " IS NULL OR " + upTo + ")" : upTo;
  }

  /** The segment that follows the cursor's one, if any: the undated cases or the dated ones. */
  String segmentAfter(QueueCursor cursor) {
    if (!sort.mayBeEmpty()) {
      return null;
    }
    if (ascending && cursor.key() != null) {
      return sort.path + " IS NULL";
    }
    if (!ascending && cursor.key() == null) {
      return sort.path + " IS NOT NULL";
    }
    return null;
  }
}
