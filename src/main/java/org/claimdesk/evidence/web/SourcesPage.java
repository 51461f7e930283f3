package org.claimdesk.evidence.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.claimdesk.evidence.Source;
import org.claimdesk.evidence.Sources;
import org.claimdesk.platform.web.Feedback;

/** The source registry ({@code sources/index.xhtml?q=…}): find a source, register a new one. */
@Named
@ViewScoped
public class SourcesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Sources sources;

  private String q;
  private List<Source> found;
  private final SourceForm form = new SourceForm();

  public List<Source> getFound() {
    if (found == null) {
      List<Source> list = Feedback.attemptGet(() -> sources.list(q), null);
      found = list == null ? List.of() : list;
    }
    return found;
  }

  public String register() {
    return Feedback.attemptGet(
        () -> "/sources/view?faces-redirect=true&id=" + sources.register(form.profile()).id(),
        "source.registered");
  }

  public SourceForm getForm() {
    return form;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }
}
