package org.claimdesk.casework;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.claimdesk.platform.InvalidInput;

/** What someone asks to do with a case in the verdict workflow; REST names them in kebab case. */
public enum CaseAction {
  START_RESEARCH,
  SUBMIT,
  APPROVE,
  REQUEST_CHANGES,
  DISMISS,
  REOPEN,
  PUBLISH,
  CORRECT,
  /** A second fact-checker's blind rating; it has its own endpoint, not a transition request. */
  CROSS_CHECK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static CaseAction ofWireName(String name) {
    return Arrays.stream(values())
        .filter(a -> a != CROSS_CHECK && a.wireName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInput(
                    "refusal.case.unknownAction",
                    name,
                    Arrays.stream(values())
                        .filter(a -> a != CROSS_CHECK)
                        .map(CaseAction::wireName)
                        .collect(Collectors.joining(", "))));
  }
}
