package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.audit.RecordedValueWords;

/** A recorded rating code (the {@code rating} field of verdict events) read as its label. */
@ApplicationScoped
public class RatingWords implements RecordedValueWords {
  @Inject RatingScales scales;

  @Override
  public Map<String, Map<String, String>> words(Locale locale) {
    Map<String, String> labels = new HashMap<>();
    for (RatingScale scale : scales.all()) {
      for (Rating r : scale.ratings()) {
        labels.put(r.code(), r.label(locale.getLanguage()));
      }
    }
    return Map.of("rating", labels);
  }
}
