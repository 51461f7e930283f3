package org.claimdesk.casework.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseExport;
import org.claimdesk.casework.CaseQueue;
import org.claimdesk.casework.Casework;
import org.claimdesk.casework.Priority;
import org.claimdesk.casework.QueueCursor;
import org.claimdesk.casework.QueueOrder;
import org.claimdesk.casework.Workload;
import org.claimdesk.identity.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Cases over HTTP: open one per claim, assign, take, change, list and export the queues. */
@Path("cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {
  @Inject Casework casework;
  @Inject CaseQueue queue;
  @Inject CaseExport export;
  @Inject Workload workload;
  @Inject Caller caller;

  public record CaseView(
      long id,
      long version,
      long claimId,
      String claim,
      String title,
      String status,
      String priority,
      LocalDate dueOn,
      String selectionReason,
      Set<String> tags,
      Set<String> assignees,
      Instant openedAt,
      String openedBy) {
    public static CaseView of(Case c) {
      return new CaseView(
          c.id(),
          c.version(),
          c.claim().id(),
          c.claim().statement(),
          c.title(),
          c.status().name(),
          c.priority().name(),
          c.dueOn().orElse(null),
          c.selectionReason(),
          new TreeSet<>(c.tags()),
          new TreeSet<>(c.assignees()),
          c.openedAt(),
          c.openedBy());
    }
  }

  /** A new case; the claim's id is required, the rest has defaults. */
  public record OpenRequest(
      @NotNull @Positive Long claimId,
      @Size(max = 2000) String selectionReason,
      @Size(max = 200) String title,
      Priority priority,
      LocalDate dueOn,
      @Size(max = 20) Set<@NotBlank @Size(max = 60) String> tags) {
    Casework.Brief brief() {
      return new Casework.Brief(title, priority, Optional.ofNullable(dueOn), selectionReason, tags);
    }
  }

  /**
   * Changes of a case: fields left out (or null) stay as they are; {@code noDueDate: true} clears
   * the due date.
   */
  public record PatchRequest(
      @NotNull Long version,
      @Size(max = 200) String title,
      Priority priority,
      LocalDate dueOn,
      Boolean noDueDate,
      @Size(max = 2000) String selectionReason,
      @Size(max = 20) Set<@NotBlank @Size(max = 60) String> tags) {
    Casework.Brief brief() {
      Optional<LocalDate> due =
          Boolean.TRUE.equals(noDueDate)
              ? Optional.empty()
              : dueOn == null ? null : Optional.of(dueOn);
      return new Casework.Brief(title, priority, due, selectionReason, tags);
    }
  }

  /** Who works the case from now on, replacing the assignees it had. */
  public record AssignRequest(
      @NotNull Long version,
      @NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String> usernames) {}

  /** The version of the case the sender read. */
  public record VersionRequest(@NotNull Long version) {}

  /** {@code next} is the {@code after} of the following page, null on the last page. */
  public record CasePage(List<CaseView> items, String next) {}

  @POST
  @Operation(
      operationId = "openCase",
      summary =
          "Opens a case for a claim: claimId, selectionReason (why it is worth checking),"
              + " optional title, priority (LOW, NORMAL, HIGH, URGENT), dueOn, tags. 409 with"
              + " 'existing' when the claim has an open case.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CaseView.class)))
  public Response open(@NotNull @Valid OpenRequest body) {
    Case c = casework.open(body.claimId(), body.brief());
    return Response.created(URI.create("cases/" + c.id())).entity(CaseView.of(c)).build();
  }

  @GET
  @Operation(
      operationId = "listCases",
      summary =
          "A queue of cases, a page at a time. queue: mine, team (unassigned; its claims without a"
              + " case are at claims-without-case), overdue or all"
              + " (default). Filters: assignee (a username, or 'me'), unassigned and overdue (true"
              + " or false), status, priority, tag, q (part of the title). sort: opened, due,"
              + " priority, status or title; order: asc or desc (names in any case). Page with"
              + " 'after' (the 'next' of the previous page); limit 1–500, default 50. A value that"
              + " cannot be read is a 400 naming the parameter.")
  public CasePage list(@Valid @BeanParam QueueParams params, @Valid @BeanParam PageParams page) {
    QueueOrder order = params.order();
    List<Case> cases =
        queue.after(
            params.filter(caller.username()), order, QueueCursor.parse(page.after), page.limit);
    String next =
        cases.size() == page.limit ? order.cursorAt(cases.get(cases.size() - 1)).toString() : null;
    return new CasePage(cases.stream().map(CaseView::of).toList(), next);
  }

  /** {@code next} is the {@code after} of the following page (a claim id), null on the last. */
  public record UnopenedPage(List<CaseQueue.Unopened> items, Long next) {}

  /** Which page of the claims without a case: after a claim id, how many. */
  public static class ClaimPageParams {
    @QueryParam("after")
    @Positive
    Long after;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    Integer limit;
  }

  @GET
  @Path("claims-without-case")
  @Operation(
      operationId = "listClaimsWithoutCase",
      summary =
          "The team queue's claims that nobody has opened a case for yet, newest first: claimId,"
              + " statement, claimant, capturedAt, capturedBy, appearances. Page with 'after' (the"
              + " 'next' of the previous page); limit 1–500, default 50. Open a case with POST"
              + " /api/cases.")
  public UnopenedPage claimsWithoutCase(@Valid @BeanParam ClaimPageParams page) {
    List<CaseQueue.Unopened> items = queue.unopened(page.after, 0, page.limit);
    Long next = items.size() == page.limit ? items.get(items.size() - 1).claimId() : null;
    return new UnopenedPage(items, next);
  }

  @GET
  @Path("assignable")
  @Operation(
      operationId = "listAssignable",
      summary =
          "Supervisors: everyone who may work cases (active fact-checkers and supervisors), by"
              + " name, each with their open and overdue cases.")
  public List<Workload.Assignee> assignable() {
    return workload.assignees();
  }

  @GET
  @Path("export")
  @Produces("text/csv")
  @Operation(
      operationId = "exportCases",
      summary =
          "The whole queue as CSV (same parameters as the list, no paging), streamed; recorded"
              + " as cases.exported. Cells that a spreadsheet would run as a formula start with '.")
  @APIResponse(
      responseCode = "200",
      description = "The queue as CSV.",
      content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
  public Response export(@Valid @BeanParam QueueParams params) {
    CaseExport.Rows rows = export.csv(params.filter(caller.username()), params.order());
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          rows.writeTo(writer);
          writer.flush();
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"claimdesk-cases.csv\"")
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getCase", summary = "One case.")
  public CaseView get(@PathParam("id") long id) {
    return CaseView.of(casework.find(id));
  }

  @PATCH
  @Path("{id}")
  @Operation(
      operationId = "changeCase",
      summary =
          "Changes title, priority, dueOn (noDueDate: true clears it), selectionReason or tags;"
              + " fields left out stay as they are. Send the version you read (409 if it"
              + " changed).")
  public CaseView patch(@PathParam("id") long id, @NotNull @Valid PatchRequest body) {
    return CaseView.of(casework.describe(id, body.version(), body.brief()));
  }

  @POST
  @Path("{id}/assignees")
  @Operation(
      operationId = "assignCase",
      summary = "Supervisors: replaces who works the case ({\"version\": …, \"usernames\": […]}).")
  public CaseView assign(@PathParam("id") long id, @NotNull @Valid AssignRequest body) {
    return CaseView.of(casework.assign(id, body.version(), body.usernames()));
  }

  @POST
  @Path("{id}/take")
  @Operation(
      operationId = "takeCase",
      summary = "A fact-checker takes a case nobody works yet ({\"version\": …}).")
  public CaseView take(@PathParam("id") long id, @NotNull @Valid VersionRequest body) {
    return CaseView.of(casework.take(id, body.version()));
  }
}
