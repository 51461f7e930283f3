package org.claimdesk.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.claimdesk.evidence.AttachmentStore;
import org.claimdesk.evidence.StoredFile;

/**
 * A door to {@link AttachmentStore} for tests, with the caller signed in by token like any API
 * call. It exists only in the test deployment; people attach files through evidence items.
 */
@Path("test/attachments")
@RequestScoped
public class AttachmentUploads {
  @Inject AttachmentStore attachments;
  @PersistenceContext EntityManager em;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public StoredFile store(@QueryParam("name") String name, InputStream body) {
    return attachments.store(name, body);
  }

  /** How many rows hold the hash, and the text search would index. */
  @GET
  @Path("{sha256}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject stored(@PathParam("sha256") String sha256) {
    Number rows =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM attachment_file WHERE sha256 = ?")
                .setParameter(1, sha256)
                .getSingleResult();
    return Json.createObjectBuilder()
        .add("rows", rows.longValue())
        .add("text", attachments.extractedText(sha256).orElse(""))
        .build();
  }
}
