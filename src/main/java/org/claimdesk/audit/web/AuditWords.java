package org.claimdesk.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.claimdesk.audit.EventTexts;
import org.claimdesk.audit.RecordedValueWords;
import org.claimdesk.platform.web.DateDisplay;

/**
 * The audit pages' {@link EventTexts}: the view's language, the newsroom's time zone, and the words
 * other features give for their recorded values, asked once per request.
 */
@RequestScoped
public class AuditWords {
  @Inject DateDisplay dates;
  @Inject Instance<RecordedValueWords> recorded;

  private Map<String, Map<String, String>> valueWords;

  /** {@code displayNames}: a username's display name (the username itself if unknown). */
  EventTexts texts(Function<String, String> displayNames) {
    var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    if (valueWords == null) {
      valueWords = new HashMap<>();
      for (RecordedValueWords words : recorded) {
        valueWords.putAll(words.words(locale));
      }
    }
    return new EventTexts(locale, displayNames, dates.zone(), valueWords);
  }
}
