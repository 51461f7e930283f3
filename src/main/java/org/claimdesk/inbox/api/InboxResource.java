package org.claimdesk.inbox.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.claimdesk.inbox.Inbox;
import org.claimdesk.inbox.InboxItem;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own inbox over HTTP. */
@Path("inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
  @Inject Inbox inbox;

  public record InboxPage(List<InboxItem> items, Long next, long unread) {}

  public record Marked(int marked) {}

  /** Which entries: unread ones only, older than {@code before} (an entry's id), how many. */
  public static class PageParams {
    @QueryParam("unread")
    @DefaultValue("false")
    Boolean unread;

    @QueryParam("before")
    @Positive
    Long before;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    Integer limit;
  }

  @GET
  @Operation(
      operationId = "listInbox",
      summary =
          "The caller's inbox, newest first: kind (MENTION, ASSIGNED, …), case, note excerpt, who,"
              + " when, readAt. unread=true for unread entries only; page with 'before' (the"
              + " 'next' of the previous page); limit 1–200, default 50. 'unread' counts all unread"
              + " entries. A value that cannot be read is a 400 naming the parameter.")
  public InboxPage list(@Valid @BeanParam PageParams page) {
    List<InboxItem> items = inbox.newestFirst(page.unread, page.before, page.limit);
    Long next = items.size() == page.limit ? items.get(items.size() - 1).id() : null;
    return new InboxPage(items, next, inbox.unreadCount());
  }

  @POST
  @Path("{id}/read")
  @Operation(
      operationId = "markInboxItemRead",
      summary =
          "Marks one of the caller's entries read ({\"marked\":1}, or 0 if it was read already);"
              + " 403 for somebody else's entry.")
  public Marked markRead(@PathParam("id") long id) {
    return new Marked(inbox.markRead(id));
  }

  @POST
  @Path("read")
  @Operation(
      operationId = "markInboxRead",
      summary = "Marks all of the caller's unread entries read ({\"marked\": n}).")
  public Marked markAllRead() {
    return new Marked(inbox.markAllRead());
  }
}
