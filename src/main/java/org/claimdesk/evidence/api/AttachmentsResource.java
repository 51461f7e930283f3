package org.claimdesk.evidence.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.claimdesk.evidence.AttachmentStore;
import org.claimdesk.evidence.Download;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Evidence attachments by their SHA-256, served only as downloads. */
@Path("attachments")
@RequestScoped
public class AttachmentsResource {

  /**
   * No script of an attachment may ever run in ClaimDesk's origin: even a file a browser opened
   * anyway gets a sandbox without scripts, and nothing it could load.
   */
  static final String SANDBOX = "sandbox; default-src 'none'";

  @Inject AttachmentStore attachments;

  @GET
  @Path("{sha256}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "downloadAttachment",
      summary =
          "Downloads an attachment by the SHA-256 of its bytes. 'name' is the file name to save it"
              + " under; it gets the extension of the detected type. Always sent as an attachment"
              + " (Content-Disposition), never shown as a page.")
  @APIResponse(
      responseCode = "200",
      description = "The file.",
      content = {
        @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response download(@PathParam("sha256") String sha256, @QueryParam("name") String name) {
    Download download = attachments.download(sha256, name);
    return Response.ok(download.content())
        .type(download.mediaType())
        .header("Content-Length", download.file().sizeBytes())
        .header("Content-Disposition", contentDisposition(download.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", SANDBOX)
        // personal like every answer (no shared caches), and gone from the browser after sign-out
        .header("Cache-Control", "private, no-store")
        .header("X-Content-SHA256", download.file().sha256())
        .build();
  }

  /** RFC 6266: an ASCII name for old clients, the exact name as UTF-8 in filename*. */
  static String contentDisposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    fileName
        .codePoints()
        .forEach(c -> ascii.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : (char) c));
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
