package org.claimdesk.article;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.Futures;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Refusal;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.Settings;

/**
 * Imports every article file of a ZIP archive, each in its own transaction, reporting each outcome
 * as it happens: one bad or duplicate file never stops or undoes the others. Several files are read
 * at once; they are stored one after another, in the archive's order.
 */
@ApplicationScoped
public class BatchImport {
  static final Set<String> ARTICLE_FILES = Set.of("txt", "md", "markdown", "html", "htm");
  static final int MOST_ENTRIES = 2000;

  @Inject ArticleImport importer;
  @Inject Caller caller;
  @Inject Settings settings;

  @Resource ManagedThreadFactory threads;

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
   * is in the caller's {@code language}. Outcomes come in the archive's order.
   *
   * <p>Reading and cleaning a file costs most of an import and needs no database: {@link
   * Settings#importWorkers} threads do it for the next files while this thread stores the oldest
   * one, each in its own transaction as the caller. At most that many files plus the one being
   * stored are held in memory.
   */
  public int importZip(InputStream zip, Locale language, Consumer<Outcome> progress) {
    caller.require(ArticleImport.IMPORTERS);
    long max = settings.importMaxBytes();
    int workers = settings.importWorkers();
    ExecutorService readers = Executors.newFixedThreadPool(workers, threads);
    Deque<Pending> pending = new ArrayDeque<>();
    int imported = 0;
    try (ZipInputStream in = new ZipInputStream(zip)) {
      int number = 0;
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory() || hidden(name) || !ARTICLE_FILES.contains(extension(name))) {
          continue;
        }
        if (++number > MOST_ENTRIES) {
          imported += storeAll(pending, max, language, progress);
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
        Submission file = Submission.file(bytes, baseName(name), null, Submission.Given.NOTHING);
        pending.add(new Pending(number, name, readers.submit(() -> importer.read(file))));
        if (pending.size() > workers) {
          imported += store(pending.remove(), max, language, progress);
        }
      }
      imported += storeAll(pending, max, language, progress);
    } catch (IOException e) {
      // the files before the damage are imported, as they would be one at a time
      storeAll(pending, max, language, progress);
      throw Refused.unreadable("refusal.article.badZip", e.getMessage());
    } finally {
      readers.shutdownNow(); // only files whose outcome no one will read are left
    }
    return imported;
  }

  /** A file handed to a reader, waiting its turn to be stored. */
  private record Pending(int number, String name, Future<ArticleImport.Reading> reading) {}

  /** Stores the file and reports its outcome; returns 1 if it was imported, else 0. */
  private int store(Pending file, long max, Locale language, Consumer<Outcome> progress) {
    Outcome outcome = outcome(file, max, language);
    progress.accept(outcome);
    return outcome.article() == null ? 0 : 1;
  }

  private int storeAll(
      Deque<Pending> pending, long max, Locale language, Consumer<Outcome> progress) {
    int imported = 0;
    while (!pending.isEmpty()) {
      imported += store(pending.remove(), max, language, progress);
    }
    return imported;
  }

  private Outcome outcome(Pending file, long max, Locale language) {
    int number = file.number();
    String name = file.name();
    try {
      ArticleImport.Reading reading = Futures.result(file.reading(), "a file of the batch import");
      if (reading.submission().bytes().length > max) {
        throw ArticleImport.tooLarge(max);
      }
      Article article = importer.receive(reading);
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
