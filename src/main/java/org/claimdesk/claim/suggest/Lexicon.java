package org.claimdesk.claim.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimdesk.platform.WordLists;

/**
 * The words behind the signals and the claimant hints for one language, read from {@code
 * checkworthiness_<language>.txt} and {@code claimants_<language>.txt} next to this class. A file
 * has {@code [SECTION]} headers and one entry a line; an entry is a word or phrase matched as whole
 * words, ignoring case; a trailing {@code *} allows any ending, a leading one any beginning.
 */
final class Lexicon {
  private static final Map<String, Lexicon> LOADED = new ConcurrentHashMap<>();

  private final Map<Signal, Pattern> signals = new EnumMap<>(Signal.class);
  private final Map<String, List<String>> sections = new LinkedHashMap<>();

  private Lexicon(String language) {
    read("checkworthiness_" + language + ".txt");
    read("claimants_" + language + ".txt");
    for (Signal signal : Signal.values()) {
      List<String> entries = sections.get(signal.name());
      if (entries != null && !entries.isEmpty()) {
        signals.put(signal, pattern(entries));
      }
    }
  }

  /** "de" or "en". */
  static Lexicon of(String language) {
    return LOADED.computeIfAbsent(language, Lexicon::new);
  }

  /** The pattern of a signal's entries, or null when the language lists none. */
  Pattern signal(Signal signal) {
    return signals.get(signal);
  }

  List<String> section(String name) {
    return sections.getOrDefault(name, List.of());
  }

  /** One case-insensitive whole-word pattern for a list of entries, longest entry first. */
  static Pattern pattern(List<String> entries) {
    return pattern(entries, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The same with other flags: names are matched with their case ("US" is not "us"). */
  static Pattern pattern(List<String> entries, int flags) {
    String alternatives =
        entries.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Lexicon::entryRegex)
            .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])", flags);
  }

  private static String entryRegex(String entry) {
    String word = "[\\p{L}\\p{N}-]*";
    boolean anyStart = entry.startsWith("*");
    boolean anyEnd = entry.endsWith("*") && entry.length() > 1;
    String core = entry.substring(anyStart ? 1 : 0, entry.length() - (anyEnd ? 1 : 0));
    String phrase =
        List.of(core.strip().split("\\s+")).stream()
            .map(Pattern::quote)
            .collect(Collectors.joining("\\s+"));
    return (anyStart ? word : "") + phrase + (anyEnd ? word : "");
  }

  private void read(String file) {
    WordLists.read(Lexicon.class, file)
        .forEach(
            (name, entries) ->
                sections.computeIfAbsent(name, k -> new ArrayList<>()).addAll(entries));
  }
}
