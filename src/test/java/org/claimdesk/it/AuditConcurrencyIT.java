package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 8 concurrent writers × 200 changes over HTTP leave a total chain: no gaps, nothing lost. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditConcurrencyIT {
  static final int WRITERS = 8;
  static final int CHANGES = 200;

  @ArquillianResource URL deployment;

  @Test
  void concurrentWritersLeaveAnIntactGaplessChain() throws Exception {
    Api api = Api.at(deployment);
    String auditor = api.tokenFor("auditor");
    long before = api.get("api/audit/verify", auditor).object().getJsonNumber("events").longValue();
    String writer = api.tokenFor("supervisor2");
    long afterTokens =
        api.get("api/audit/verify", auditor).object().getJsonNumber("events").longValue();

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writerNo = w;
      results.add(
          pool.submit(
              () -> {
                int created = 0;
                for (int i = 0; i < CHANGES; i++) {
                  Api.Reply reply =
                      api.post(
                          "api/tokens",
                          writer,
                          "{\"name\":\"burst " + writerNo + "-" + i + "\",\"validDays\":1}");
                  if (reply.status() == 201) {
                    created++;
                  } else {
                    throw new AssertionError("writer " + writerNo + " change " + i + ": " + reply);
                  }
                }
                return created;
              }));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "the burst finished in time");
    int created = 0;
    for (Future<Integer> result : results) {
      created += result.get();
    }
    assertEquals(WRITERS * CHANGES, created);

    JsonObject report = api.get("api/audit/verify", auditor).object();
    assertTrue(report.getBoolean("intact"), report.toString());
    long events = report.getJsonNumber("events").longValue();
    assertTrue(
        events >= afterTokens + WRITERS * CHANGES,
        "every change has its event: " + before + " → " + events);

    // the events of the burst: exactly one per change, numbered without gaps
    List<Long> seqs = new ArrayList<>();
    Long next = null;
    do {
      JsonObject page =
          api.get(
                  "api/audit?actor=supervisor2&action=api-token.issued&limit=500"
                      + (next == null ? "" : "&before=" + next),
                  auditor)
              .object();
      page.getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(
              e -> {
                if (e.getString("changes").contains("burst ")) {
                  seqs.add(e.getJsonNumber("seq").longValue());
                }
              });
      next =
          page.containsKey("next") && !page.isNull("next")
              ? page.getJsonNumber("next").longValue()
              : null;
    } while (next != null);
    assertEquals(WRITERS * CHANGES, seqs.size());
    assertEquals(WRITERS * CHANGES, seqs.stream().distinct().count());
  }
}
