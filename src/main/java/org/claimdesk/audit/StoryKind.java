package org.claimdesk.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.platform.InvalidInput;

/**
 * What part of a case's story an event tells, for filtering the story: the claim, the case's status
 * and people, evidence, notes, the verdict text, its review, its publication. Decided by the
 * action's code; a new action falls into its prefix's kind unless listed here.
 */
public enum StoryKind {
  CLAIM,
  STATUS,
  EVIDENCE,
  NOTES,
  VERDICT,
  REVIEW,
  PUBLICATION,
  OTHER;

  private static final Map<String, StoryKind> BY_ACTION =
      Map.ofEntries(
          Map.entry("verdict.submitted", REVIEW),
          Map.entry("verdict.commented", REVIEW),
          Map.entry("case.submit", REVIEW),
          Map.entry("case.approve", REVIEW),
          Map.entry("case.request-changes", REVIEW),
          Map.entry("case.cross-checked", REVIEW),
          Map.entry("verdict.approved", REVIEW),
          Map.entry("verdict.published", PUBLICATION),
          Map.entry("verdict.snapshots-frozen", PUBLICATION),
          Map.entry("case.publish", PUBLICATION),
          Map.entry("case.correct", PUBLICATION));

  private static final Map<String, StoryKind> BY_PREFIX =
      Map.of(
          "claim", CLAIM,
          "claimant", CLAIM,
          "case", STATUS,
          "evidence", EVIDENCE,
          "note", NOTES,
          "verdict", VERDICT);

  public static StoryKind of(String action) {
    StoryKind kind = BY_ACTION.get(action);
    if (kind != null) {
      return kind;
    }
    int dot = action.indexOf('.');
    return BY_PREFIX.getOrDefault(dot < 0 ? action : action.substring(0, dot), OTHER);
  }

  /** As URLs and the REST API name it: "evidence", "publication". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static StoryKind ofWireName(String name) {
    return Arrays.stream(values())
        .filter(k -> k.wireName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInput(
                    "refusal.audit.kind",
                    Arrays.stream(values()).map(StoryKind::wireName).toList(),
                    name));
  }
}
