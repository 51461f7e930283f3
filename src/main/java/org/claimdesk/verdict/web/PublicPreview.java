package org.claimdesk.verdict.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.claimdesk.platform.NotFound;
import org.claimdesk.verdict.FactChecks;

/**
 * {@code /cases/preview?case=N}: the public page of a case's approved verdict before it is
 * published, rendered by the public page's own view from the frozen snapshot, so the desk sees
 * exactly what will go live. Signed-in only (web.xml protects everything outside the public paths);
 * marked as a preview and never indexed.
 */
@WebFilter("/cases/preview")
public class PublicPreview extends HttpFilter {
  /** The request attribute that marks the page as a preview. */
  static final String PREVIEW = PublicPreview.class.getName() + ".preview";

  @Inject FactChecks factChecks;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String caseId = request.getParameter("case");
    if (caseId == null || !caseId.matches("[1-9]\\d{0,17}")) {
      response.sendError(404);
      return;
    }
    try {
      request.setAttribute(FactCheckPage.PUBLISHED, factChecks.preview(Long.parseLong(caseId)));
    } catch (NotFound e) {
      response.sendError(404);
      return;
    }
    request.setAttribute(PREVIEW, Boolean.TRUE);
    response.setHeader("X-Robots-Tag", "noindex");
    request.getRequestDispatcher("/factchecks/view.xhtml").forward(request, response);
  }
}
