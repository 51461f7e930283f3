package org.claimdesk.platform.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
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
import org.claimdesk.search.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Readiness without login: UP when the application is deployed and its database answers. */
@Path("health")
@RequestScoped
public class HealthResource {

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;
  @Inject SearchService search;

  /**
   * {@code search}: how far this node's index follows the audit log (null when the database is
   * down); {@code staleMillis} is the age of the oldest change it has not applied yet.
   */
  public record Health(
      String status, String database, String node, SearchService.Following search) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getHealth",
      summary = "Is ClaimDesk up and its database reachable? No login needed.")
  @Public
  @APIResponse(
      responseCode = "200",
      description = "Up.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
  @APIResponse(
      responseCode = "503",
      description = "The database cannot be reached.",
      content =
          @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
  public Response health() {
    try (Connection connection = dataSource.getConnection()) {
      boolean up = connection.isValid(2);
      return Response.status(up ? 200 : 503)
          .entity(
              new Health(
                  up ? "UP" : "DOWN",
                  up ? "UP" : "DOWN",
                  settings.node(),
                  up ? search.following() : null))
          .build();
    } catch (SQLException | PersistenceException e) {
      return Response.status(503).entity(new Health("DOWN", "DOWN", settings.node(), null)).build();
    }
  }
}
