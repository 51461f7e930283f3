package org.claimdesk.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word lists kept as data beside the class that uses them: UTF-8 text, one entry a line, {@code
 * [SECTION]} headers, {@code #} comments, blank lines ignored. Editors change the lists, not code.
 */
public final class WordLists {
  private WordLists() {}

  /** The sections of {@code file} (next to {@code anchor}) in file order; a missing file fails. */
  public static Map<String, List<String>> read(Class<?> anchor, String file) {
    try (InputStream in = anchor.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("word list missing: " + file);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, List<String>> sections = new LinkedHashMap<>();
      List<String> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        if (entry.startsWith("[") && entry.endsWith("]")) {
          current =
              sections.computeIfAbsent(
                  entry.substring(1, entry.length() - 1), k -> new ArrayList<>());
        } else if (current == null) {
          throw new IllegalStateException(file + ": entry outside a section: " + entry);
        } else {
          current.add(entry);
        }
      }
      return sections;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
