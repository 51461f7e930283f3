package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Refusal;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.Settings;

/**
 * Imports every article file of a ZIP archive, each in its own transaction, reporting each outcome
 * as it happens: one bad or duplicate file never stops or undoes the others.
 */
@ApplicationScoped
public class BatchImport {
  static final Set<String> ARTICLE_FILES = Set.of("txt", "md", "markdown", "html", "htm");
  static final int MOST_ENTRIES = 2000;

  @Inject ArticleImport importer;
  @Inject Caller caller;
  @Inject Settings settings;

  /** One file's outcome: imported (article id), duplicate (existing path) or refused (why). */
  public record Outcome(
      int number, String file, String result, Long article, String existing, String message) {}

  /**
   * The archive, refused (422) unless it starts like a ZIP file: anything else would read as an
   * empty archive and "import nothing" look like success. Call it before answering, since {@link
   * #importZip} streams its outcome.
   */
  public static InputStream requireZip(InputStream archive) {
    var in = new BufferedInputStream(archive);
    try {
      in.mark(4);
      byte[] head = in.readNBytes(4);
      in.reset();
      boolean zip =
          head.length == 4
              && head[0] == 'P'
              && head[1] == 'K'
              && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
      if (!zip) {
        throw Refused.unreadable("refusal.article.sendZip");
      }
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the archive entry by entry; returns the number of files imported. Each outcome's message
   * is in the caller's {@code language}.
   */
  public int importZip(InputStream zip, Locale language, Consumer<Outcome> progress) {
    caller.require(ArticleImport.IMPORTERS);
    long max = settings.importMaxBytes();
    int number = 0;
    int imported = 0;
    try (ZipInputStream in = new ZipInputStream(zip)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory() || hidden(name) || !ARTICLE_FILES.contains(extension(name))) {
          continue;
        }
        if (++number > MOST_ENTRIES) {
          progress.accept(
              new Outcome(
                  number,
                  name,
                  "stopped",
                  null,
                  null,
                  Message.of("refusal.article.mostEntries", MOST_ENTRIES).in(language)));
          break;
        }
        // never inflate more than the limit: a ZIP bomb stops at max + 1 bytes
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        Outcome outcome = outcome(number, name, bytes, max, language);
        progress.accept(outcome);
        if (outcome.article() != null) {
          imported++;
        }
      }
    } catch (IOException e) {
      throw Refused.unreadable("refusal.article.badZip", e.getMessage());
    }
    return imported;
  }

  private Outcome outcome(int number, String name, byte[] bytes, long max, Locale language) {
    try {
      if (bytes.length > max) {
        throw ArticleImport.tooLarge(max);
      }
      Article article =
          importer.receive(Submission.file(bytes, baseName(name), null, Submission.Given.NOTHING));
      return new Outcome(number, name, "imported", article.id(), null, article.title());
    } catch (Duplicate d) {
      return new Outcome(number, name, "duplicate", null, d.existing(), d.text(language));
    } catch (Refused | IllegalArgumentException e) {
      String why = e instanceof Refusal r ? r.text(language) : e.getMessage();
      return new Outcome(number, name, "refused", null, null, why);
    }
  }

  private static boolean hidden(String name) {
    String base = baseName(name);
    return base.startsWith(".") || name.startsWith("__MACOSX/");
  }

  private static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
