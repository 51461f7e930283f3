package org.claimdesk.casework.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.claimdesk.casework.CaseGenerator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Synthetic cases for benchmark databases (docs/benchmarks.md). */
@Path("cases/generate")
@RequestScoped
public class CaseGeneratorResource {
  private static final Logger LOG = Logger.getLogger(CaseGeneratorResource.class.getName());

  @Inject CaseGenerator generator;

  @POST
  @Produces("application/x-ndjson")
  @Operation(
      operationId = "generateCases",
      summary =
          "Administrators, and only with claimdesk.generator.enabled=true: generates 'count'"
              + " synthetic cases (each with its own claim), 1,000 per transaction, each batch"
              + " recorded as cases.generated; with 'lifeEvents' (0–10) each case also gets that"
              + " many audit events of a case's life. Streams one JSON line per batch, then"
              + " {\"done\":true,…}, or {\"done\":false,\"error\":…} when a batch failed (the"
              + " batches before it stay).")
  @APIResponse(
      responseCode = "200",
      description = "One JSON line of progress per batch, then a summary.",
      content = {
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING))
      })
  public Response generate(
      @QueryParam("count") @DefaultValue("1000") int count,
      @QueryParam("lifeEvents") @DefaultValue("0") int lifeEvents) {
    generator.requireAllowed(count, lifeEvents);
    long started = System.nanoTime();
    StreamingOutput body =
        out -> {
          AtomicInteger generated = new AtomicInteger();
          try {
            generator.generate(
                count,
                lifeEvents,
                p -> {
                  generated.set(p.generated());
                  line(
                      out,
                      Json.createObjectBuilder()
                          .add("batch", p.batch())
                          .add("generated", p.generated())
                          .add("of", p.of())
                          .add("caseIds", p.caseIds())
                          .add("claimIds", p.claimIds())
                          .build()
                          .toString());
                });
          } catch (RuntimeException e) {
            // the 200 is sent already: a last line says what stopped it (finished batches stay)
            LOG.log(
                Level.WARNING, "Case generation stopped after " + generated.get() + " cases", e);
            line(
                out,
                Json.createObjectBuilder()
                    .add("done", false)
                    .add("generated", generated.get())
                    .add("error", e.getMessage() == null ? e.toString() : e.getMessage())
                    .build()
                    .toString());
            return;
          }
          line(
              out,
              Json.createObjectBuilder()
                  .add("done", true)
                  .add("generated", count)
                  .add("seconds", (System.nanoTime() - started) / 1e9)
                  .build()
                  .toString());
        };
    return Response.ok(body, "application/x-ndjson; charset=UTF-8").build();
  }

  private static void line(OutputStream out, String json) {
    try {
      out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
