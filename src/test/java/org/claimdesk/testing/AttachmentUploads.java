package org.claimdesk.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimdesk.evidence.AttachmentStore;

/**
 * What {@link AttachmentStore} holds, for tests: how many rows hold a hash and the text search
 * would index. It exists only in the test deployment and changes nothing.
 */
@Path("test/attachments")
@RequestScoped
public class AttachmentUploads {
  @Inject AttachmentStore attachments;
  @PersistenceContext EntityManager em;

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
