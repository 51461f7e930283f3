package org.claimdesk.evidence.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.casework.Case;
import org.claimdesk.evidence.Source;
import org.claimdesk.evidence.Sources;
import org.claimdesk.platform.web.Conflicts;
import org.claimdesk.platform.web.Feedback;

/** One source ({@code sources/view.xhtml?id=…}): its description and every case that used it. */
@Named
@ViewScoped
public class SourcePage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Sources sources;

  private Long id;
  private Source.Profile seen;
  private long version;
  private List<CaseLine> cases = List.of();
  private final SourceForm form = new SourceForm();

  /** A case that used the source. */
  public record CaseLine(long id, String title, String status) implements Serializable {}

  public void load() {
    if (id != null) {
      Feedback.attempt(() -> show(sources.find(id)), null);
    }
  }

  private void show(Source s) {
    seen = s.profile();
    version = s.version();
    form.fill(seen);
    cases =
        sources.casesUsing(s.id()).stream()
            .map((Case c) -> new CaseLine(c.id(), c.title(), c.status().name()))
            .toList();
  }

  /** Saves the form; when somebody else saved first, says what they changed and keeps the input. */
  public void save() {
    Source.Profile before = seen;
    Source saved =
        Feedback.attemptSave(
            () -> sources.change(id, version, form.profile()),
            () -> {
              Source now = sources.find(id);
              seen = now.profile();
              version = now.version();
              form.takeUntouched(before, seen);
              return Conflicts.whatChanged(fields(before), fields(seen));
            },
            "source.saved");
    if (saved != null) {
      show(saved);
    }
  }

  private static Map<String, Object> fields(Source.Profile p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("source.name", p.name());
    fields.put("source.kind", Feedback.text("source.kind." + p.kind()));
    fields.put("source.url", p.url());
    fields.put("source.reliability", Feedback.text("source.reliability." + p.reliability()));
    fields.put("source.reliabilityNote", p.reliabilityNote());
    fields.put("source.confidential", Feedback.text(p.confidential() ? "common.yes" : "common.no"));
    return fields;
  }

  public boolean isFound() {
    return seen != null;
  }

  public Source.Profile getSeen() {
    return seen;
  }

  public List<CaseLine> getCases() {
    return cases;
  }

  public SourceForm getForm() {
    return form;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
