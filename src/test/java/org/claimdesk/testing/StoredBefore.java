package org.claimdesk.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Rows as an older ClaimDesk could have stored them, before today's rules: a test writes a value
 * with plain SQL, past the entities' checks, and then looks at how the pages show it. It exists
 * only in the test deployment.
 */
@Path("test/stored-before")
@RequestScoped
public class StoredBefore {
  static final Set<String> TABLES_WITH_URL = Set.of("article", "evidence", "source");

  @PersistenceContext EntityManager em;

  /** Sets the {@code url} column of one row of article, evidence or source ({"url": …}). */
  @PUT
  @Path("{table}/{id}/url")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public void url(@PathParam("table") String table, @PathParam("id") long id, JsonObject body) {
    String url = body.getString("url");
    if (!TABLES_WITH_URL.contains(table)) {
      throw new NotFoundException(table + " has no url column here");
    }
    int rows =
        em.createNativeQuery("UPDATE " + table + " SET url = ? WHERE id = ?")
            .setParameter(1, url)
            .setParameter(2, id)
            .executeUpdate();
    if (rows != 1) {
      throw new NotFoundException("no " + table + " " + id);
    }
  }
}
