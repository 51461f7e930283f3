package org.claimdesk.casework;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.platform.Sha256;

/**
 * Synthetic cases for benchmarks, written with batched JDBC: per batch one article, and per case a
 * claim of its own (a claim has at most one open case) with one appearance in that article, then
 * the case, its tags and its people. Claims are German, in families of paraphrases ({@link
 * ClaimFamilies}), and a case's title adds its number. Not through the services, on purpose:
 * 100,000 claims through {@code ClaimRegister} would each commit the search index (about 60 ms), so
 * generated claims are not in the search index until it is rebuilt, or until the index follows the
 * life events ({@link #lifeEvents}) when the generator writes them. The mix of states, priorities
 * and dates is fixed by the batch number, so two runs generate alike.
 */
final class GeneratedCases {
  static final String[] TOPICS = {
    "wohnen", "klima", "migration", "gesundheit", "wirtschaft", "energie",
    "bildung", "verkehr", "sicherheit", "europa", "rente", "landwirtschaft"
  };
  // cumulative shares of NEW, IN_RESEARCH, IN_REVIEW, APPROVED, PUBLISHED, IN_CORRECTION,
  // DISMISSED (per cent); the shares of docs/benchmarks.md, measured before IN_CORRECTION existed
  private static final int[] STATUS_SHARES = {20, 45, 55, 60, 75, 75, 100};
  // cumulative shares of LOW, NORMAL, HIGH, URGENT
  private static final int[] PRIORITY_SHARES = {25, 70, 90, 100};

  /** What one batch wrote. */
  record Batch(long articleId, List<Long> claimIds, List<Long> caseIds) {}

  private GeneratedCases() {}

  /**
   * Writes {@code size} cases in the caller's transaction. {@code people} are the usernames cases
   * may be assigned to (about 70 % get one or two of them).
   */
  static Batch insert(
      Connection c, int number, int size, List<String> people, String by, Instant now)
      throws SQLException {
    Random random = new Random(number);
    List<Long> claimIds = ids(c, "claim_seq", size);
    List<Long> appearanceIds = ids(c, "appearance_seq", size);
    List<Long> caseIds = ids(c, "fact_case_seq", size);
    long articleId = ids(c, "article_seq", 1).get(0);
    Timestamp at = Timestamp.from(now);

    List<String> statements = new ArrayList<>();
    StringBuilder text = new StringBuilder("Generierte Meldungen, Stapel " + number + ", " + now);
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String statement =
          ClaimFamilies.member(ClaimFamilies.inUse(random.nextInt(ClaimFamilies.IN_USE)), random);
      statements.add(statement);
      text.append("\n\n");
      spans.add(new int[] {text.length(), text.length() + statement.length()});
      text.append(statement);
    }
    insertArticle(c, articleId, number, text.toString(), by, at);

    try (PreparedStatement claim =
            c.prepareStatement(
                "INSERT INTO claim (id, version, statement, claimant_id, claimed_on, language,"
                    + " appearances, created_at, created_by) VALUES (?, 1, ?, NULL, NULL, 'de', 1,"
                    + " ?, ?)");
        PreparedStatement appearance =
            c.prepareStatement(
                "INSERT INTO appearance (id, version, claim_id, article_id, revision,"
                    + " start_offset, end_offset, quote, created_at, created_by)"
                    + " VALUES (?, 1, ?, ?, 1, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < size; i++) {
        claim.setLong(1, claimIds.get(i));
        claim.setString(2, statements.get(i));
        claim.setTimestamp(3, at);
        claim.setString(4, by);
        claim.addBatch();
        appearance.setLong(1, appearanceIds.get(i));
        appearance.setLong(2, claimIds.get(i));
        appearance.setLong(3, articleId);
        appearance.setInt(4, spans.get(i)[0]);
        appearance.setInt(5, spans.get(i)[1]);
        appearance.setString(6, statements.get(i));
        appearance.setTimestamp(7, at);
        appearance.setString(8, by);
        appearance.addBatch();
      }
      claim.executeBatch();
      appearance.executeBatch();
    }
    insertCases(c, random, claimIds, caseIds, statements, people, by, now);
    return new Batch(articleId, claimIds, caseIds);
  }

  private static void insertArticle(
      Connection c, long id, int number, String text, String by, Timestamp at) throws SQLException {
    byte[] original = text.getBytes(StandardCharsets.UTF_8);
    try (PreparedStatement article =
            c.prepareStatement(
                "INSERT INTO article (id, version, title, outlet, language, imported_at,"
                    + " imported_by, media_type, sha256, text_sha256, original, current_revision)"
                    + " VALUES (?, 1, ?, 'Generator', 'de', ?, ?, 'text/plain', ?, ?, ?, 1)");
        PreparedStatement revision =
            c.prepareStatement(
                "INSERT INTO article_revision (article_id, number, reading_text, removed,"
                    + " created_at, created_by, note) VALUES (?, 1, ?, '[]', ?, ?, ?)")) {
      article.setLong(1, id);
      article.setString(2, "Generierte Meldungen " + number);
      article.setTimestamp(3, at);
      article.setString(4, by);
      article.setString(5, Sha256.hex(original));
      article.setString(6, Sha256.hex(text));
      article.setBytes(7, original);
      article.executeUpdate();
      revision.setLong(1, id);
      revision.setString(2, text);
      revision.setTimestamp(3, at);
      revision.setString(4, by);
      revision.setString(5, "generated for benchmarks");
      revision.executeUpdate();
    }
  }

  private static void insertCases(
      Connection c,
      Random random,
      List<Long> claimIds,
      List<Long> caseIds,
      List<String> statements,
      List<String> people,
      String by,
      Instant now)
      throws SQLException {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    try (PreparedStatement fact =
            c.prepareStatement(
                "INSERT INTO fact_case (id, version, claim_id, open_claim_id, title, status,"
                    + " status_rank, priority, priority_rank, due_on, selection_reason, opened_at,"
                    + " opened_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement tag = c.prepareStatement("INSERT INTO case_tag VALUES (?, ?)");
        PreparedStatement person =
            c.prepareStatement(
                "INSERT INTO case_assignee (case_id, username, opened_at) VALUES (?, ?, ?)")) {
      for (int i = 0; i < caseIds.size(); i++) {
        long id = caseIds.get(i);
        CaseStatus status = CaseStatus.values()[pick(random, STATUS_SHARES)];
        Priority priority = Priority.values()[pick(random, PRIORITY_SHARES)];
        fact.setLong(1, id);
        fact.setLong(2, claimIds.get(i));
        fact.setLong(3, claimIds.get(i));
        fact.setString(4, statements.get(i) + " (Fall " + id + ")"); // findable by its number
        fact.setString(5, status.name());
        fact.setShort(6, (short) status.ordinal());
        fact.setString(7, priority.name());
        fact.setShort(8, (short) priority.ordinal());
        if (random.nextInt(5) == 0) {
          fact.setNull(9, Types.DATE);
        } else {
          fact.setDate(9, Date.valueOf(today.plusDays(random.nextInt(361) - 180L)));
        }
        fact.setString(10, "Generiert für Messungen.");
        Timestamp opened =
            Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60))));
        fact.setTimestamp(11, opened);
        fact.setString(12, by);
        fact.addBatch();
        Set<String> tags = new TreeSet<>();
        for (int t = random.nextInt(4); t > 0; t--) {
          tags.add(TOPICS[random.nextInt(TOPICS.length)].toLowerCase(Locale.ROOT));
        }
        for (String t : tags) {
          tag.setLong(1, id);
          tag.setString(2, t);
          tag.addBatch();
        }
        Set<String> assignees = new TreeSet<>();
        if (!people.isEmpty() && random.nextInt(10) >= 3) {
          for (int p = random.nextInt(3) == 0 ? 2 : 1; p > 0; p--) {
            assignees.add(people.get(random.nextInt(people.size())));
          }
        }
        for (String username : assignees) {
          person.setLong(1, id);
          person.setString(2, username);
          person.setTimestamp(3, opened);
          person.addBatch();
        }
      }
      fact.executeBatch();
      tag.executeBatch();
      person.executeBatch();
    }
  }

  /**
   * A case's life as the audit log tells it, {@code perCase} events of it (at most {@link
   * #LIFE_EVENTS}): captured, opened, taken, researched, proposed, reviewed, published. Actors are
   * drawn from {@code people} (the reviewer differs from the researcher when there are two); the
   * events name the generated claims and cases, notes and verdicts get invented ids.
   */
  static List<AuditEvent.Content> lifeEvents(
      Batch batch, int perCase, List<String> people, String by, Instant now) {
    Random random = new Random(batch.articleId());
    List<AuditEvent.Content> events = new ArrayList<>(batch.caseIds().size() * perCase);
    for (int i = 0; i < batch.caseIds().size(); i++) {
      long caseId = batch.caseIds().get(i);
      String checker = people.isEmpty() ? by : people.get(random.nextInt(people.size()));
      String reviewer = people.isEmpty() ? by : people.get(random.nextInt(people.size()));
      if (reviewer.equals(checker) && people.size() > 1) {
        reviewer = people.get((people.indexOf(checker) + 1) % people.size());
      }
      Instant at = now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
      for (int step = 0; step < Math.min(perCase, LIFE.size()); step++) {
        Step life = LIFE.get(step);
        boolean review =
            life.action().equals("case.approve") || life.action().equals("case.publish");
        String entityId =
            switch (life.entityType()) {
              case "claim" -> String.valueOf(batch.claimIds().get(i));
              case "case" -> String.valueOf(caseId);
              default -> caseId + "-" + step; // notes and verdicts the generator does not write
            };
        events.add(
            new AuditEvent.Content(
                at.plusSeconds(step * 600L),
                review ? reviewer : checker,
                review ? "SUPERVISOR" : "FACT_CHECKER",
                life.action(),
                life.entityType(),
                entityId,
                caseId,
                1L,
                life.changes(),
                null,
                null,
                null));
      }
    }
    return events;
  }

  /** One step of a case's life: what the audit log says happened, to what, and what changed. */
  private record Step(String action, String entityType, String changes) {}

  private static final List<Step> LIFE =
      List.of(
          new Step(
              "claim.captured",
              "claim",
              "{\"statement\":{\"after\":\"generiert\",\"before\":null}}"),
          new Step("case.opened", "case", "{\"status\":{\"after\":\"NEW\",\"before\":null}}"),
          new Step("case.taken", "case", "{}"),
          new Step(
              "case.start-research",
              "case",
              "{\"status\":{\"after\":\"IN_RESEARCH\",\"before\":\"NEW\"}}"),
          new Step(
              "note.written",
              "note",
              "{\"body\":{\"after\":\"Quelle angefragt.\",\"before\":null}}"),
          new Step(
              "note.written",
              "note",
              "{\"body\":{\"after\":\"Antwort erhalten.\",\"before\":null}}"),
          new Step(
              "verdict.proposed", "verdict", "{\"rating\":{\"after\":\"FALSE\",\"before\":null}}"),
          new Step(
              "case.submit",
              "case",
              "{\"status\":{\"after\":\"IN_REVIEW\",\"before\":\"IN_RESEARCH\"}}"),
          new Step(
              "case.approve",
              "case",
              "{\"status\":{\"after\":\"APPROVED\",\"before\":\"IN_REVIEW\"}}"),
          new Step(
              "case.publish",
              "case",
              "{\"status\":{\"after\":\"PUBLISHED\",\"before\":\"APPROVED\"}}"));

  static final int LIFE_EVENTS = LIFE.size();

  private static int pick(Random random, int[] cumulativeShares) {
    int roll = random.nextInt(100);
    int i = 0;
    while (roll >= cumulativeShares[i]) {
      i++;
    }
    return i;
  }

  /**
   * {@code n} fresh ids from a sequence, handed out as EclipseLink does: one call to the sequence
   * (increment 50) reserves the 50 ids up to and including its value.
   */
  static List<Long> ids(Connection c, String sequence, int n) throws SQLException {
    boolean postgres =
        c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    String next =
        postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    List<Long> ids = new ArrayList<>(n);
    try (Statement s = c.createStatement()) {
      while (ids.size() < n) {
        try (ResultSet r = s.executeQuery(next)) {
          r.next();
          long last = r.getLong(1);
          for (long id = last - 49; id <= last && ids.size() < n; id++) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }
}
