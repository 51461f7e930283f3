package org.claimdesk.platform.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.Startup;
import org.claimdesk.search.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Health checks without login, for monitors and load balancers: {@code /api/health/live} says the
 * process answers (no database, no index, nothing else); {@code /api/health/ready} and {@code
 * /api/health} say it can serve: started, and its database answers.
 */
@Path("health")
// One instance for all requests: as a request-scoped bean every probe paid a JNDI lookup of the
// data
// source (a third of the CPU of /api/health/live under load); nothing here belongs to a request.
@ApplicationScoped
public class HealthResource {

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;
  @Inject SearchService search;
  @Inject Startup startup;

  /**
   * {@code search}: how far this node's index follows the audit log (null when the database is
   * down); {@code staleMillis} is the age of the oldest change it has not applied yet.
   */
  public record Health(
      String status, String database, String node, SearchService.Following search) {}

  /** Liveness: only that this process answers requests. */
  public record Alive(String status, String node) {}

  @GET
  @Path("live")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getLiveness",
      summary =
          "Does this ClaimDesk process answer? Touches neither the database nor the index; for a"
              + " liveness probe (restart when it fails). No login needed.")
  @Public
  @APIResponse(
      responseCode = "200",
      description = "The process answers.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Alive.class)))
  public Alive live() {
    return new Alive("UP", settings.node());
  }

  @GET
  @Path("ready")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getReadiness",
      summary =
          "Can this node serve: started, and its database reachable? For a load balancer's"
              + " readiness check. No login needed.")
  @Public
  @APIResponse(
      responseCode = "200",
      description = "Ready.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
  @APIResponse(
      responseCode = "503",
      description = "Still starting, or the database cannot be reached.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
  public Response ready() {
    return health();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getHealth",
      summary = "The same as /api/health/ready (kept for existing monitors). No login needed.")
  @Public
  @APIResponse(
      responseCode = "200",
      description = "Up.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
  @APIResponse(
      responseCode = "503",
      description = "Still starting, or the database cannot be reached.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
  public Response health() {
    try (Connection connection = dataSource.getConnection()) {
      boolean up = connection.isValid(2);
      boolean ready = up && startup.ready();
      return Response.status(ready ? 200 : 503)
          .entity(
              new Health(
                  ready ? "UP" : up ? "STARTING" : "DOWN",
                  up ? "UP" : "DOWN",
                  settings.node(),
                  up ? search.following() : null))
          .build();
    } catch (SQLException | PersistenceException e) {
      return Response.status(503).entity(new Health("DOWN", "DOWN", settings.node(), null)).build();
    }
  }
}
