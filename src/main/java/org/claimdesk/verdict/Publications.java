package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/**
 * What the desk has published, counted by the database: published verdicts by rating and the time
 * from opening a case to its first publication. Nothing here loads a verdict or a case.
 */
@ApplicationScoped
@Transactional
public class Publications {
  /**
   * The number of published verdicts and the median of (first publication − opening of the case) in
   * seconds. JPQL has no percentiles; {@code PERCENTILE_CONT … WITHIN GROUP} and {@code
   * EXTRACT(EPOCH …)} mean the same on H2 2 and PostgreSQL (checked by TimeToPublicationTest and
   * PostgresIT), so the median never needs the durations in Java.
   */
  static final String MEDIAN_SECONDS =
      "SELECT COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY"
          + " EXTRACT(EPOCH FROM v.first_published_at) - EXTRACT(EPOCH FROM c.opened_at))"
          + " FROM verdict v JOIN fact_case c ON c.id = v.case_id"
          + " WHERE v.first_published_at IS NOT NULL";

  private static final double SECONDS_A_DAY = 86_400;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject RatingScales scales;

  /** A rating with its label in the asked language and how many published verdicts have it. */
  public record RatingCount(String code, String label, Integer ratingValue, long published) {}

  /** How many verdicts were ever published and the median days from opening to publication. */
  public record TimeToPublication(long published, Optional<Double> medianDays) {}

  /**
   * Every rating of every scale version, in scale order, with the number of verdicts whose public
   * version has it. Versions of a scale share their codes, so a code counts once, with the label of
   * the newest version that has it.
   */
  public List<RatingCount> byRating(String language) {
    caller.require(Role.values());
    Map<String, Rating> newest = new HashMap<>();
    for (RatingScale s : scales.all()) { // by name and number: newer versions come later
      for (Rating r : s.ratings()) {
        newest.put(r.code(), r);
      }
    }
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery("VerdictVersion.publishedByRating", Object[].class).getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return newest.values().stream()
        .sorted(Comparator.comparingInt(Rating::position).thenComparing(Rating::code))
        .map(
            r ->
                new RatingCount(
                    r.code(),
                    r.label(language),
                    r.ratingValue().orElse(null),
                    counts.getOrDefault(r.code(), 0L)))
        .toList();
  }

  /** Over every verdict published at least once; a later correction does not move it. */
  public TimeToPublication timeToPublication() {
    caller.require(Role.values());
    Object[] row = (Object[]) em.createNativeQuery(MEDIAN_SECONDS).getSingleResult();
    return new TimeToPublication(
        ((Number) row[0]).longValue(),
        Optional.ofNullable((Number) row[1]).map(s -> s.doubleValue() / SECONDS_A_DAY));
  }
}
