package org.claimdesk.casework.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseQueue;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Priority;
import org.claimdesk.casework.Queue;
import org.claimdesk.casework.QueueFilter;
import org.claimdesk.casework.QueueOrder;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.web.Feedback;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The queues ({@code cases/index.xhtml?queue=mine|team|overdue|review|all} with filters, {@code
 * sort}, {@code order} and {@code first}): a lazy table that {@link CaseQueue} sorts, filters and
 * pages. Everything the viewer chose is in the URL: filtering redirects to it, sorting and paging
 * rewrite it in place, so a bookmark or a reload shows the same cases.
 */
@Named
@ViewScoped
public class CasesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CaseQueue queue;
  @Inject Caller caller;

  // the URL (view parameters), as the viewer chose it
  private String queueName;
  private String assignee;
  private Boolean unassigned;
  private Boolean overdue;
  private CaseStatus status;
  private Priority priority;
  private String tag;
  private String text;
  private String sort;
  private String order;
  private Integer first;

  // what the table shows: My cases until the URL says otherwise
  private Queue shown = Queue.MINE;
  private QueueFilter filter;
  private QueueOrder ordering = Queue.MINE.usualOrder();
  private CaseQueue.Count counted;

  /**
   * A queue row: what the table shows and no more. The claim, where it appears and the reasons stay
   * on the case's page; a page of rows is kept with the view, so this is also what it weighs.
   */
  public record Row(
      long id,
      String title,
      String status,
      String priority,
      LocalDate dueOn,
      boolean overdue,
      List<String> tags,
      List<String> assignees,
      Instant openedAt)
      implements Serializable {
    static Row of(Case c) {
      return new Row(
          c.id(),
          c.title(),
          c.status().name(),
          c.priority().name(),
          c.dueOn().orElse(null),
          c.overdue(LocalDate.now()),
          List.copyOf(new TreeSet<>(c.tags())),
          List.copyOf(new TreeSet<>(c.assignees())),
          c.openedAt());
    }

    /** The assignees as the page writes them: "lena, jonas". */
    public String people() {
      return String.join(", ", assignees);
    }

    /** The tags as the queue writes them: "klima, wohnen". */
    public String topics() {
      return String.join(", ", tags);
    }
  }

  private final LazyDataModel<Row> cases =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          if (counted == null) {
            // a bookmarked page far down counts from there; one beyond the end from the start
            int start = getFirstRow();
            counted = queue.countAhead(filter, start);
            if (start > 0 && counted.rows() == start) {
              counted = queue.countAhead(filter, 0);
            }
          }
          return counted.rows();
        }

        @Override
        public List<Row> load(
            int offset,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          sortBy.values().stream()
              .filter(s -> !s.getOrder().isUnsorted())
              .findFirst()
              .ifPresent(
                  s -> {
                    ordering =
                        QueueOrder.of(
                            s.getField(), s.getOrder().isAscending() ? "asc" : "desc", ordering);
                    sort = ordering.sort().id();
                    order = ordering.order();
                  });
          if (counted != null && counted.more() && offset + pageSize >= counted.rows()) {
            // the viewer reached the end of what was counted: count on from here
            counted = queue.countAhead(filter, offset);
            setRowCount(counted.rows());
          }
          first = offset == 0 ? null : offset;
          if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().addCallbackParam("url", getUrl());
          }
          return queue.page(filter, ordering, offset, pageSize).stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row c) {
          return String.valueOf(c.id());
        }
      };

  @PostConstruct
  void mine() {
    filter = Queue.MINE.filter(QueueFilter.ALL, caller.username());
  }

  /** Called by f:viewAction once the parameters are set. */
  public void load() {
    Feedback.attempt(
        () -> {
          Queue wanted = Queue.named(queueName);
          QueueFilter chosen =
              wanted.filter(
                  new QueueFilter(assignee, unassigned, overdue, status, priority, tag, text),
                  caller.username());
          ordering = QueueOrder.of(sort, order, wanted.usualOrder());
          shown = wanted;
          filter = chosen;
        },
        null);
  }

  /** The filter form: to the URL of the chosen filter, from its first page. */
  public String search() {
    first = null;
    return "/cases/index?faces-redirect=true&includeViewParams=true";
  }

  /** "1,000+ cases" or "137 cases", in the viewer's language. */
  public String getCountText() {
    int rows = cases.count(Map.of());
    return counted.more()
        ? Feedback.text("queues.countMore", rows)
        : Feedback.text("queues.count", rows);
  }

  /** The page's own URL for what it shows now (queue, filter, sort, order, first row). */
  public String getUrl() {
    Map<String, Object> p = chosen();
    p.put("first", first);
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/cases/index.xhtml?"
        + query(p);
  }

  /** The CSV export of the same queue, in the same order. */
  public String getExportUrl() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/api/cases/export?"
        + query(chosen());
  }

  /** For the column headers: "asc", "desc" or "unsorted". */
  public String sortOrderOf(String column) {
    return ordering.sort().id().equals(column) ? ordering.order() : "unsorted";
  }

  /** Whether the queue leaves this filter field to the viewer (My cases fixes the assignee…). */
  public boolean offers(String field) {
    return !shown.fixed(caller.username()).parameters().containsKey(field);
  }

  private Map<String, Object> chosen() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("queue", shown.id());
    p.put("assignee", assignee);
    p.put("unassigned", unassigned);
    p.put("overdue", overdue);
    p.put("status", status);
    p.put("priority", priority);
    p.put("tag", tag);
    p.put("q", text);
    p.put("sort", ordering.sort().id());
    p.put("order", ordering.order());
    return p;
  }

  private static String query(Map<String, Object> parameters) {
    return parameters.entrySet().stream()
        .filter(e -> e.getValue() != null && !String.valueOf(e.getValue()).isBlank())
        .map(
            e ->
                e.getKey()
                    + "="
                    + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public LazyDataModel<Row> getCases() {
    return cases;
  }

  public CaseStatus[] getStatuses() {
    return CaseStatus.values();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public String getQueue() {
    return shown.id();
  }

  public void setQueue(String queue) {
    this.queueName = queue;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = blankIsNull(assignee);
  }

  public Boolean getUnassigned() {
    return unassigned;
  }

  public void setUnassigned(Boolean unassigned) {
    this.unassigned = Boolean.TRUE.equals(unassigned) ? true : null;
  }

  public Boolean getOverdue() {
    return overdue;
  }

  public void setOverdue(Boolean overdue) {
    this.overdue = Boolean.TRUE.equals(overdue) ? true : null;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public void setStatus(CaseStatus status) {
    this.status = status;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = blankIsNull(tag);
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = blankIsNull(text);
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = blankIsNull(sort);
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = blankIsNull(order);
  }

  public Integer getFirst() {
    return first;
  }

  public void setFirst(Integer first) {
    this.first = first == null || first <= 0 ? null : first;
  }

  /** The table's first row (PrimeFaces wants a number). */
  public int getFirstRow() {
    return first == null ? 0 : first;
  }

  private static String blankIsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
