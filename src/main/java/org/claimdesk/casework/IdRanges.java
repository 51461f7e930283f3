package org.claimdesk.casework;

import java.util.ArrayList;
import java.util.List;

/** Ids written as ranges ("51-100,151-200"), so that an audit event can name a thousand of them. */
final class IdRanges {
  private IdRanges() {}

  static String of(List<Long> ids) {
    List<Long> sorted = ids.stream().sorted().toList();
    List<String> ranges = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      ranges.add(i == j ? "" + sorted.get(i) : sorted.get(i) + "-" + sorted.get(j));
      i = j + 1;
    }
    return String.join(",", ranges);
  }
}
