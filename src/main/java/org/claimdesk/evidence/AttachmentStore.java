package org.claimdesk.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.Sha256;

/**
 * Stores evidence attachments once per content and hands them out again. The type comes from the
 * bytes, only allowed types are taken, and the text of documents is extracted for search. The
 * evidence service calls {@link #store} and records the audit event of attaching; the store itself
 * changes nothing a person could see without that event.
 */
@ApplicationScoped
@Transactional
public class AttachmentStore {
  static final Role[] ATTACHERS = {Role.FACT_CHECKER, Role.SUPERVISOR};
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject Settings settings;
  @Inject TextExtraction extraction;

  /**
   * Reads the file (never more than the limit plus one byte), detects its type and stores it unless
   * identical bytes are already there. Call it before changing audited entities in the same
   * transaction: it flushes its insert to find a concurrent upload of the same file.
   *
   * @param fileName as the person named it; a hint for the type, not stored
   * @throws Refused 413 when larger than claimdesk.attachments.max-bytes, 422 when empty or of a
   *     type that is not accepted
   * @throws Conflict when another upload stores the same new file at the same moment
   */
  public StoredFile store(String fileName, InputStream bytes) {
    caller.require(ATTACHERS);
    String name = fileName == null || fileName.isBlank() ? "The file" : "The file " + fileName;
    byte[] content = readAtMost(bytes, settings.attachmentMaxBytes(), name);
    if (content.length == 0) {
      throw Refused.unreadable("refusal.attachment.emptyFile", name);
    }
    String type = FileTypes.detect(content, fileName);
    requireAccepted(type, name);
    String sha256 = Sha256.hex(content);
    Optional<StoredFile> known = described(sha256);
    if (known.isPresent()) {
      return known.get();
    }
    AttachmentFile file =
        new AttachmentFile(
            sha256, type, content, extraction.textOf(content, type).orElse(null), clock.instant());
    try {
      em.persist(file);
      em.flush();
    } catch (PersistenceException e) {
      if (!duplicateKey(e)) {
        throw e;
      }
      throw new Conflict("refusal.attachment.busy", name);
    }
    LOG.info(() -> caller.username() + " stored attachment " + sha256 + " (" + type + ")");
    return file.described(true);
  }

  /** What is stored under the hash. */
  public StoredFile find(String sha256) {
    caller.require(Role.values());
    String hex = requireHash(sha256);
    return described(hex).orElseThrow(() -> new NotFound("refusal.attachment.unknown", hex));
  }

  /** The stored bytes (at most claimdesk.attachments.max-bytes, held in memory). */
  public InputStream open(String sha256) {
    caller.require(Role.values());
    return new ByteArrayInputStream(content(requireHash(sha256)));
  }

  /**
   * The file as a download: the bytes, a safe file name with the extension of the detected type (so
   * a text file asked for as {@code page.html} is saved as {@code page.html.txt}), and the
   * Content-Type to send, which is never one a browser would render as a page.
   *
   * @param requestedName the name the evidence item keeps for the file, or null for {@code <first
   *     12 hex digits>.<extension>}
   */
  public Download download(String sha256, String requestedName) {
    caller.require(Role.values());
    StoredFile file = find(sha256);
    return new Download(
        file,
        Download.fileName(requestedName, file),
        FileTypes.servedAs(file.contentType()),
        new ByteArrayInputStream(content(file.sha256())));
  }

  /**
   * The text extracted when the file was stored, for the search index. No role check: the index is
   * also rebuilt at start-up, when nobody is signed in, and it shows text only to callers that may
   * see the evidence.
   */
  public Optional<String> extractedText(String sha256) {
    return em.createNamedQuery("AttachmentFile.text", String.class)
        .setParameter("sha256", requireHash(sha256))
        .getResultStream()
        .filter(text -> text != null)
        .findFirst();
  }

  /** The file extensions of the accepted types (".pdf", ".docx", …), for an upload form's hint. */
  public Set<String> acceptedExtensions() {
    Set<String> extensions = new java.util.TreeSet<>();
    for (String type : acceptedTypes()) {
      FileTypes.extensions(type).stream().findFirst().ifPresent(extensions::add);
    }
    return extensions;
  }

  /** The media types accepted now, e.g. for an upload form's hint. */
  public Set<String> acceptedTypes() {
    caller.require(Role.values());
    return accepted();
  }

  /** The configured list, or the built-in one; never a type that can run scripts. */
  private Set<String> accepted() {
    Collection<String> configured =
        settings.attachmentAllowedTypes().map(types -> (Collection<String>) types).orElse(null);
    if (configured == null) {
      return new TreeSet<>(FileTypes.DEFAULT_ALLOWED);
    }
    Set<String> accepted = new TreeSet<>();
    for (String type : configured) {
      String normalized = FileTypes.normalized(type);
      if (normalized != null && !FileTypes.canRunScripts(normalized)) {
        accepted.add(normalized);
      }
    }
    return accepted;
  }

  private void requireAccepted(String type, String name) {
    if (FileTypes.canRunScripts(type)) {
      throw Refused.unreadable("refusal.attachment.scripts", name, type);
    }
    if (!accepted().contains(type)) {
      throw Refused.unreadable(
          "refusal.attachment.type", name, type, String.join(", ", accepted()));
    }
  }

  private Optional<StoredFile> described(String sha256) {
    return em.createNamedQuery("AttachmentFile.described", Object[].class)
        .setParameter("sha256", sha256)
        .getResultStream()
        .findFirst()
        .map(row -> new StoredFile(sha256, (String) row[0], ((Number) row[1]).longValue(), false));
  }

  private byte[] content(String sha256) {
    return em.createNamedQuery("AttachmentFile.content", byte[].class)
        .setParameter("sha256", sha256)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFound("refusal.attachment.unknown", sha256));
  }

  /** The database's "unique key violated" (SQLSTATE 23505 on H2 and PostgreSQL). */
  private static boolean duplicateKey(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A SHA-256 as stored: 64 lower-case hex digits; anything else is a client error. */
  static String requireHash(String sha256) {
    String hex = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(hex).matches()) {
      throw new InvalidInput("refusal.attachment.hash");
    }
    return hex;
  }

  private static byte[] readAtMost(InputStream in, long max, String name) {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw Refused.tooLarge("refusal.attachment.tooLarge", name, megabytes(max));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb)
        ? String.format(Locale.ROOT, "%d MB", (long) mb)
        : String.format(Locale.ROOT, "%.1f MB", mb);
  }
}
