package org.claimdesk.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What somebody else changed while a person was editing: the fields that differ, labelled. */
public final class Conflicts {
  private Conflicts() {}

  /**
   * "Title: „old“ → „new“; Stance: …" for each field whose value differs between what the person
   * saw and what is stored now. Keys are message keys of the field labels, in display order.
   */
  public static String whatChanged(Map<String, ?> seen, Map<String, ?> now) {
    List<String> lines = new ArrayList<>();
    for (var field : now.entrySet()) {
      Object before = seen.get(field.getKey());
      if (!Objects.equals(before, field.getValue())) {
        lines.add(
            Feedback.text(field.getKey())
                + ": „"
                + shown(before)
                + "“ → „"
                + shown(field.getValue())
                + "“");
      }
    }
    return lines.isEmpty() ? Feedback.text("common.nothingVisible") : String.join("; ", lines);
  }

  private static String shown(Object value) {
    return value == null ? "—" : value.toString();
  }
}
