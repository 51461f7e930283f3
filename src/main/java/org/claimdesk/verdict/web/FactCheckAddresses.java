package org.claimdesk.verdict.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.claimdesk.verdict.FactChecks;

/**
 * Gives every published fact-check its lasting public address, {@code /factchecks/{slug}} (with
 * {@code ?version=N} for an earlier published version): the fact-check is looked up here and shown
 * by {@code factchecks/view.xhtml}, while the address stays what readers and ClaimReview's {@code
 * url} see. An unknown address is 404.
 */
@WebFilter("/factchecks/*")
public class FactCheckAddresses extends HttpFilter {
  private static final String PREFIX = "/factchecks/";

  @Inject FactChecks factChecks;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String slug = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
    if (!slug.matches("[a-z0-9-]{1,120}")) {
      chain.doFilter(request, response);
      return;
    }
    String version = request.getParameter("version");
    Optional<FactChecks.Published> published =
        factChecks.bySlug(
            slug, version != null && version.matches("\\d{1,6}") ? Integer.valueOf(version) : null);
    if (published.isEmpty()) {
      // answered here, before JSF: the error page renders for this address
      response.sendError(404);
      return;
    }
    request.setAttribute(FactCheckPage.PUBLISHED, published.get());
    request.getRequestDispatcher("/factchecks/view.xhtml").forward(request, response);
  }
}
