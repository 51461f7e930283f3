package org.claimdesk.casework.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.claimdesk.casework.Mentions;
import org.claimdesk.casework.Note;
import org.claimdesk.casework.Notes;
import org.claimdesk.platform.web.Feedback;

/** The discussion on the case page: the notes, and the form that writes one. */
@Named
@ViewScoped
public class CaseNotes implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Notes notes;

  private Long caseId;
  private List<View> shown;
  private String body;

  /** A note as the page shows it; the parts are escaped by the view, mentions highlighted. */
  public record View(long id, String author, Instant writtenAt, List<Mentions.Part> parts)
      implements Serializable {
    static View of(Note n) {
      return new View(n.id(), n.author(), n.writtenAt(), n.parts());
    }
  }

  /** The case's notes, oldest first; loaded once per view. */
  public List<View> of(long caseId) {
    if (shown == null || this.caseId != caseId) {
      this.caseId = caseId;
      List<Note> found = Feedback.attemptGet(() -> notes.of(caseId), null);
      shown = found == null ? List.of() : found.stream().map(View::of).toList();
    }
    return shown;
  }

  public void write(long caseId) {
    if (Feedback.attempt(() -> notes.write(caseId, body), "note.written")) {
      body = null;
      shown = null;
    }
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
