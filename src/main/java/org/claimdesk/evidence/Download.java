package org.claimdesk.evidence;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * An attachment on its way to a browser. {@code mediaType} is the Content-Type to send: the stored
 * type for documents and images, {@code application/octet-stream} for anything textual.
 */
public record Download(StoredFile file, String fileName, String mediaType, InputStream content) {
  private static final int LONGEST_NAME = 150;

  /**
   * The requested name without folders, control and direction characters, ending in an extension of
   * the stored type: a file is never saved under an extension that would open it as something else
   * (a text file asked for as {@code page.html} becomes {@code page.html.txt}).
   */
  static String fileName(String requested, StoredFile file) {
    String base = cleaned(requested);
    if (base.isEmpty()) {
      base = file.sha256().substring(0, 12);
    }
    List<String> extensions = FileTypes.extensions(file.contentType());
    String lower = base.toLowerCase(Locale.ROOT);
    if (extensions.isEmpty() || extensions.stream().anyMatch(lower::endsWith)) {
      return base;
    }
    return base + extensions.get(0);
  }

  private static String cleaned(String requested) {
    if (requested == null) {
      return "";
    }
    String name =
        requested.substring(Math.max(requested.lastIndexOf('/'), requested.lastIndexOf('\\')) + 1);
    // \p{C} also removes U+202E, which could show "exe.txt" for "txt.exe"
    name = name.replaceAll("\\p{C}", "").strip().replaceAll("^\\.+", "");
    if (name.codePointCount(0, name.length()) > LONGEST_NAME) {
      name = name.substring(0, name.offsetByCodePoints(0, LONGEST_NAME));
    }
    return name;
  }
}
