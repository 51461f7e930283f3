package org.claimdesk.casework;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Settings;

/**
 * Generates synthetic cases for benchmarks ({@link GeneratedCases}): administrators only, and only
 * where {@code claimdesk.generator.enabled=true}. Each batch of {@value #BATCH} is one transaction
 * with one {@code cases.generated} event that names the ids it wrote.
 */
@ApplicationScoped
public class CaseGenerator {
  public static final int BATCH = 1000;
  static final int MOST = 1_000_000;

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject Caller caller;
  @Inject Settings settings;
  @Inject AuditTrail audit;
  @Inject Accounts accounts;
  @Inject Clock clock;
  @Inject CaseGenerator self; // each batch through the proxy: a transaction of its own

  /** After each batch: how many cases so far, of how many, and the ids this batch wrote. */
  public record Progress(int batch, int generated, int of, String caseIds, String claimIds) {}

  /**
   * Refuses unless the caller is an administrator, the generator is switched on and the count is
   * sensible; checked before a response starts streaming.
   */
  public void requireAllowed(int count, int lifeEvents) {
    requireAllowed();
    if (count < 1 || count > MOST) {
      throw new InvalidInput("refusal.generator.count", MOST);
    }
    if (lifeEvents < 0 || lifeEvents > GeneratedCases.LIFE_EVENTS) {
      throw new InvalidInput("refusal.generator.lifeEvents", GeneratedCases.LIFE_EVENTS);
    }
  }

  private void requireAllowed() {
    caller.require(Role.ADMIN);
    if (!settings.generatorEnabled()) {
      throw caller.refuse("case generator", Message.of("refusal.generator.off"));
    }
  }

  /**
   * Writes {@code count} cases, each with {@code lifeEvents} audit events of its life (0 to ten; a
   * real case has about as many), reporting after each batch.
   */
  public void generate(int count, int lifeEvents, Consumer<Progress> progress) {
    requireAllowed(count, lifeEvents);
    List<String> people = accounts.activeWith(EnumSet.of(Role.FACT_CHECKER, Role.SUPERVISOR));
    int done = 0;
    for (int batch = 1; done < count; batch++) {
      int size = Math.min(BATCH, count - done);
      Progress p = self.batch(batch, size, done, count, lifeEvents, people);
      done = p.generated();
      progress.accept(p);
    }
  }

  /** One batch in a transaction of its own (public: the transaction interceptor needs it). */
  @Transactional
  public Progress batch(
      int number, int size, int before, int count, int lifeEvents, List<String> people) {
    requireAllowed();
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      GeneratedCases.Batch written =
          GeneratedCases.insert(c, number, size, people, caller.username(), now);
      String caseIds = IdRanges.of(written.caseIds());
      String claimIds = IdRanges.of(written.claimIds());
      audit.record(
          Change.about(
                  "cases.generated",
                  "case-batch",
                  written.caseIds().get(0) + "-" + written.caseIds().get(size - 1))
              .set("cases", size)
              .set("caseIds", caseIds)
              .set("claimIds", claimIds)
              .set("articleId", written.articleId())
              .set("lifeEvents", lifeEvents));
      if (lifeEvents > 0) {
        audit.recordGenerated(
            c, GeneratedCases.lifeEvents(written, lifeEvents, people, caller.username(), now));
      }
      return new Progress(number, before + size, count, caseIds, claimIds);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write generated cases: " + e.getMessage(), e);
    }
  }
}
