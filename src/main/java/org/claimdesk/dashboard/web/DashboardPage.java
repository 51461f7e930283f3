package org.claimdesk.dashboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.dashboard.Dashboard;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.platform.web.LanguageSettings;
import org.claimdesk.verdict.Publications.RatingCount;

/**
 * The start page after login: counts, the desk's figures as charts ({@code p:chart} takes a
 * Chart.js configuration as JSON) and the latest articles.
 */
@Named
@RequestScoped
public class DashboardPage {
  // workflow order; published in the desk's own green
  private static final Map<CaseStatus, String> STATUS_COLOURS =
      Map.of(
          CaseStatus.NEW, "#9aa5b1",
          CaseStatus.IN_RESEARCH, "#2f80c0",
          CaseStatus.IN_REVIEW, "#d9a21b",
          CaseStatus.APPROVED, "#3fa796",
          CaseStatus.PUBLISHED, "#0b6e4f",
          CaseStatus.IN_CORRECTION, "#d9731b",
          CaseStatus.DISMISSED, "#616e7c");

  @Inject ArticleArchive archive;
  @Inject Accounts accounts;
  @Inject Caller caller;
  @Inject Dashboard dashboard;
  @Inject LanguageSettings language;

  private Dashboard.Figures figures;

  public long getArticleCount() {
    return archive.count();
  }

  /** Only administrators see how many people have access. */
  public Long getAccountCount() {
    return caller.has(Role.ADMIN) ? accounts.count() : null;
  }

  public List<Article> getLatestArticles() {
    return archive.newestFirst(0, 5);
  }

  public String getDisplayName() {
    return accounts.current().displayName();
  }

  public Dashboard.Figures getFigures() {
    if (figures == null) {
      figures = dashboard.figures(language.getLanguage());
    }
    return figures;
  }

  /** The median in days, or null before the first publication. */
  public Double getMedianDays() {
    return getFigures().timeToPublication().medianDays().orElse(null);
  }

  public boolean isAnyPublished() {
    return getFigures().timeToPublication().published() > 0;
  }

  /** Bars: every status in workflow order, zero included. */
  public String getStatusChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    getFigures()
        .casesByStatus()
        .forEach(
            (status, count) -> {
              labels.add(Feedback.text("case.status." + status.name()));
              counts.add(count);
              colours.add(STATUS_COLOURS.get(status));
            });
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("animation", false)
            .add("maintainAspectRatio", false)
            .add("plugins", Json.createObjectBuilder().add("legend", hidden()))
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add(
                        "y",
                        Json.createObjectBuilder()
                            .add("beginAtZero", true)
                            .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    return script(
        Json.createObjectBuilder()
            .add("type", "bar")
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("labels", labels)
                    .add(
                        "datasets",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("label", Feedback.text("dashboard.cases"))
                                    .add("data", counts)
                                    .add("backgroundColor", colours))))
            .add("options", options)
            .build());
  }

  /** A doughnut of the ratings published verdicts have, in scale order, red (false) to green. */
  public String getRatingChart() {
    List<RatingCount> used =
        getFigures().verdictsByRating().stream().filter(r -> r.published() > 0).toList();
    int[] range = valueRange(getFigures().verdictsByRating());
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    int unscaled = 0;
    for (RatingCount r : used) {
      labels.add(r.label());
      counts.add(r.published());
      colours.add(r.ratingValue() == null ? grey(unscaled++) : redToGreen(r.ratingValue(), range));
    }
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("animation", false)
            .add("maintainAspectRatio", false)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add("legend", Json.createObjectBuilder().add("position", "right")));
    return script(
        Json.createObjectBuilder()
            .add("type", "doughnut")
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("labels", labels)
                    .add(
                        "datasets",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("data", counts)
                                    .add("backgroundColor", colours))))
            .add("options", options)
            .build());
  }

  /** What the status chart shows, as text for screen readers. */
  public String getStatusSummary() {
    StringBuilder text = new StringBuilder();
    getFigures()
        .casesByStatus()
        .forEach(
            (status, count) ->
                text.append(text.isEmpty() ? "" : ", ")
                    .append(Feedback.text("case.status." + status.name()))
                    .append(": ")
                    .append(count));
    return text.toString();
  }

  /** What the rating chart shows, as text for screen readers. */
  public String getRatingSummary() {
    StringBuilder text = new StringBuilder();
    for (RatingCount r : getFigures().verdictsByRating()) {
      if (r.published() > 0) {
        text.append(text.isEmpty() ? "" : ", ")
            .append(r.label())
            .append(": ")
            .append(r.published());
      }
    }
    return text.toString();
  }

  private static JsonObject hidden() {
    return Json.createObjectBuilder().add("display", false).build();
  }

  /**
   * PrimeFaces writes the configuration into a script element, and scale labels are typed by
   * people: a "&lt;/script&gt;" in one must not end it early, so every "&lt;" goes out as its JSON
   * escape (only strings can hold one).
   */
  private static String script(JsonObject config) {
    return config.toString().replace("<", "\\u003c");
  }

  /** The lowest and highest rating value among the ratings (1 and 2 if none has one). */
  private static int[] valueRange(List<RatingCount> ratings) {
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (RatingCount r : ratings) {
      if (r.ratingValue() != null) {
        low = Math.min(low, r.ratingValue());
        high = Math.max(high, r.ratingValue());
      }
    }
    return low < high ? new int[] {low, high} : new int[] {1, 2};
  }

  private static String redToGreen(int value, int[] range) {
    double share = (double) (value - range[0]) / (range[1] - range[0]);
    return "hsl(" + Math.round(share * 130) + ", 60%, 42%)";
  }

  private static String grey(int index) {
    return "hsl(270, 12%, " + (40 + 14 * (index % 4)) + "%)";
  }
}
