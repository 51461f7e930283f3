package org.claimdesk.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Workload;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.verdict.Publications;

/**
 * The desk at a glance, for everyone signed in (auditors too): cases by status, overdue cases, each
 * person's open cases, published verdicts by rating and the median time to publication. Every
 * figure is counted by the database, so the dashboard stays fast at 100,000 cases.
 */
@ApplicationScoped
@Transactional
public class Dashboard {
  @Inject Caller caller;
  @Inject Accounts accounts;
  @Inject Workload workload;
  @Inject Publications publications;

  /** The figures; rating labels in {@code language} (de or en). */
  public record Figures(
      Map<CaseStatus, Long> casesByStatus,
      long cases,
      long overdue,
      List<Workload.PersonLoad> people,
      List<Publications.RatingCount> verdictsByRating,
      Publications.TimeToPublication timeToPublication) {}

  /**
   * The figures as they stand now, with rating labels in {@code language}: "de" or "en", or with
   * null the caller's saved language, else German.
   */
  public Figures figures(String language) {
    caller.require(Role.values());
    String labels = labelLanguage(language);
    Workload.Tally cases = workload.tally();
    return new Figures(
        cases.byStatus(),
        cases.byStatus().values().stream().mapToLong(Long::longValue).sum(),
        cases.overdue(),
        workload.perPerson(),
        publications.byRating(labels),
        publications.timeToPublication());
  }

  private String labelLanguage(String language) {
    String wanted =
        language != null && !language.isBlank()
            ? language.strip().toLowerCase(Locale.ROOT)
            : accounts
                .current()
                .locale()
                .map(t -> Locale.forLanguageTag(t).getLanguage())
                .orElse("de");
    if (!wanted.equals("de") && !wanted.equals("en")) {
      throw new InvalidInput("refusal.dashboard.language", language);
    }
    return wanted;
  }
}
