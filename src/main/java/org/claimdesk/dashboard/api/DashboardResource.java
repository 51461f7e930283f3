package org.claimdesk.dashboard.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Workload;
import org.claimdesk.dashboard.Dashboard;
import org.claimdesk.verdict.Publications;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's figures as JSON, for scripts and reports. */
@Path("dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
  @Inject Dashboard dashboard;

  public record Figures(
      long cases,
      Map<CaseStatus, Long> casesByStatus,
      long overdue,
      List<Workload.PersonLoad> people,
      long published,
      Double medianDaysToPublication,
      List<Publications.RatingCount> verdictsByRating) {}

  @GET
  @Operation(
      operationId = "getDashboard",
      summary =
          "The dashboard's figures, for every role: cases (total and casesByStatus, every status"
              + " with 0 included), overdue (open cases past their due date), people (each"
              + " person's open cases and how many are overdue, busiest first), published"
              + " (verdicts published at least once), medianDaysToPublication (opening of the case"
              + " to first publication; absent before the first), verdictsByRating (every rating"
              + " in scale order: code, label in 'language' (de or en; default the caller's saved"
              + " language, else de), ratingValue, published = verdicts whose public version has"
              + " it).")
  public Figures figures(@QueryParam("language") String language) {
    Dashboard.Figures f = dashboard.figures(language);
    return new Figures(
        f.cases(),
        f.casesByStatus(),
        f.overdue(),
        f.people(),
        f.timeToPublication().published(),
        f.timeToPublication().medianDays().orElse(null),
        f.verdictsByRating());
  }
}
