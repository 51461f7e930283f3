package org.claimdesk.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, decided from its bytes with Apache Tika (magic numbers, and the inside of ZIP and
 * OLE2 containers for office documents). The file name is only a hint: it may refine what the bytes
 * say (plain text named {@code .csv} is CSV) but never replace it, so bytes nobody recognises stay
 * {@code application/octet-stream} whatever they are called.
 */
final class FileTypes {
  static final String UNKNOWN = "application/octet-stream";

  private static final ClassLoader LOADER = FileTypes.class.getClassLoader();
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(LOADER);
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
  // service-loaded from the WAR: the container detectors of the office modules take part
  private static final Detector DETECTOR = new DefaultDetector(TYPES, LOADER);

  private static final MediaType HTML = MediaType.text("html");
  private static final MediaType XML = MediaType.application("xml");

  /** Accepted unless configured otherwise (setting claimdesk.attachments.allowed-types). */
  static final Set<String> DEFAULT_ALLOWED =
      Set.of(
          "application/pdf",
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "text/plain",
          "text/csv",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/msword",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint");

  private FileTypes() {}

  /** The media type without parameters, e.g. {@code application/pdf}. */
  static String detect(byte[] bytes, String fileName) {
    MediaType fromBytes = detect(bytes, new Metadata());
    if (!fromBytes.equals(MediaType.TEXT_PLAIN) || fileName == null || fileName.isBlank()) {
      return fromBytes.toString();
    }
    Metadata named = new Metadata();
    named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    MediaType withName = detect(bytes, named);
    return (REGISTRY.isSpecializationOf(withName, fromBytes) ? withName : fromBytes).toString();
  }

  private static MediaType detect(byte[] bytes, Metadata metadata) {
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return REGISTRY.normalize(DETECTOR.detect(in, metadata)).getBaseType();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Types a browser may run scripts in (HTML, SVG and other XML, JavaScript). ClaimDesk never
   * accepts them, whatever the allowed types say.
   */
  static boolean canRunScripts(String type) {
    MediaType media = MediaType.parse(type);
    if (media == null) {
      return true;
    }
    return media.equals(HTML)
        || REGISTRY.isSpecializationOf(media, HTML)
        || media.equals(XML)
        || REGISTRY.isSpecializationOf(media, XML)
        || media.getSubtype().endsWith("+xml")
        || type.contains("javascript")
        || type.contains("ecmascript");
  }

  /**
   * The Content-Type of a download: the stored type for documents and images, but {@code
   * application/octet-stream} for anything textual, so no browser ever treats it as a page.
   */
  static String servedAs(String type) {
    return type.startsWith("text/") || canRunScripts(type) ? UNKNOWN : type;
  }

  /** File extensions of the type, the usual one first, e.g. {@code [.pdf]}; may be empty. */
  static List<String> extensions(String type) {
    try {
      return TYPES.forName(type).getExtensions();
    } catch (MimeTypeException e) {
      return List.of();
    }
  }

  /** Lower-case "type/subtype", or null when the text is no media type. */
  static String normalized(String type) {
    MediaType media = MediaType.parse(type.trim().toLowerCase(Locale.ROOT));
    return media == null ? null : media.getBaseType().toString();
  }
}
