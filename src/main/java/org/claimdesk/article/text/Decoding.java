package org.claimdesk.article.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.article.text.UnreadableArticle.Kind;
import org.claimdesk.platform.Message;

/**
 * Bytes to characters: byte order mark, then the declared charset, then strict UTF-8, then
 * Windows-1252. Refuses binary files rather than decoding them into mojibake. A few bytes that fit
 * no character (one broken byte in a teaser) become U+FFFD and are counted, never a refusal.
 */
final class Decoding {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final int SNIFF_BYTES = 8192;

  /** German or English text in Windows-1252 has a few percent non-ASCII bytes, not a third. */
  private static final double MAX_HIGH_BYTE_SHARE = 0.3;

  private static final double MAX_CONTROL_SHARE = 0.02;

  private static final Pattern CHARSET_PARAMETER =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);

  /** The HTML pre-scan: a meta charset in the first bytes of the page. */
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})",
          Pattern.CASE_INSENSITIVE);

  private record Signature(byte[] magic, String looksLike) {
    boolean matches(byte[] bytes) {
      return bytes.length >= magic.length
          && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
  }

  private static final Signature[] SIGNATURES = {
    signature("refusal.article.file.png", 0x89, 'P', 'N', 'G'),
    signature("refusal.article.file.jpeg", 0xFF, 0xD8, 0xFF),
    signature("refusal.article.file.gif", 'G', 'I', 'F', '8'),
    signature("refusal.article.file.riff", 'R', 'I', 'F', 'F'),
    signature("refusal.article.file.pdf", '%', 'P', 'D', 'F'),
    signature("refusal.article.file.zip", 'P', 'K', 3, 4),
    signature("refusal.article.file.gzip", 0x1F, 0x8B),
    signature("refusal.article.file.ole", 0xD0, 0xCF, 0x11, 0xE0),
    signature("refusal.article.file.rtf", '{', '\\', 'r', 't', 'f'),
    signature("refusal.article.file.elf", 0x7F, 'E', 'L', 'F'),
    signature("refusal.article.file.mp3", 'I', 'D', '3'),
  };

  /**
   * @param replaced how many undecodable byte sequences became U+FFFD (0 when the bytes were valid)
   */
  record Decoded(String text, Charset charset, int replaced) {

    Decoded(String text, Charset charset) {
      this(text, charset, 0);
    }
  }

  private Decoding() {}

  static Decoded decode(byte[] bytes, String contentType, boolean mayBeHtml) {
    if (bytes.length == 0) {
      throw new UnreadableArticle(Kind.EMPTY, "refusal.article.emptyFile");
    }
    Optional<Decoded> byBom = byByteOrderMark(bytes);
    if (byBom.isPresent()) {
      return byBom.get();
    }
    refuseBinary(bytes);
    Optional<Charset> declared =
        declaredCharset(contentType).or(() -> mayBeHtml ? metaCharset(bytes) : Optional.empty());
    if (declared.isPresent()) {
      Optional<String> text = strictly(bytes, 0, declared.get());
      if (text.isPresent()) {
        return new Decoded(text.get(), declared.get());
      }
      // a wrong declaration is common (UTF-8 declared, Windows-1252 sent): fall through
    }
    Optional<String> utf8 = strictly(bytes, 0, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return new Decoded(utf8.get(), StandardCharsets.UTF_8);
    }
    Decoded utf8Leniently = leniently(bytes, 0, StandardCharsets.UTF_8);
    if (multiByteCharacters(utf8Leniently.text()) > utf8Leniently.replaced()) {
      return utf8Leniently; // UTF-8 with a few broken bytes, not Windows-1252 sent as UTF-8
    }
    if (highByteShare(bytes) > MAX_HIGH_BYTE_SHARE) {
      throw new UnreadableArticle(Kind.UNDECODABLE, "refusal.article.undecodable");
    }
    return leniently(bytes, 0, WINDOWS_1252);
  }

  private static Optional<Decoded> byByteOrderMark(byte[] bytes) {
    Charset charset;
    int skip;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      return Optional.empty();
    }
    return Optional.of(leniently(bytes, skip, charset));
  }

  private static void refuseBinary(byte[] bytes) {
    for (Signature signature : SIGNATURES) {
      if (signature.matches(bytes)) {
        throw binary(Message.of("refusal.article.looksLike", Message.of(signature.looksLike())));
      }
    }
    int length = Math.min(bytes.length, SNIFF_BYTES);
    int controls = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        throw binary(Message.of("refusal.article.nulBytes"));
      }
      if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7F) {
        controls++;
      }
    }
    if (controls > MAX_CONTROL_SHARE * length) {
      throw binary(Message.of("refusal.article.controls"));
    }
  }

  private static UnreadableArticle binary(Message why) {
    return new UnreadableArticle(Kind.BINARY, "refusal.article.binary", why);
  }

  static Optional<Charset> declaredCharset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher m = CHARSET_PARAMETER.matcher(contentType);
    return m.find() ? charsetNamed(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> metaCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? charsetNamed(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> charsetNamed(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    // as browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean Windows-1252
    if (lower.equals("iso-8859-1") || lower.equals("latin1") || lower.equals("us-ascii")) {
      return Optional.of(WINDOWS_1252);
    }
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static Optional<String> strictly(byte[] bytes, int offset, Charset charset) {
    try {
      return Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Decodes, putting U+FFFD for each byte sequence that is no character, and counts them. */
  static Decoded leniently(byte[] bytes, int offset, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    // UTF-8, UTF-16 and Windows-1252 never give more characters than bytes
    CharBuffer out = CharBuffer.allocate(bytes.length - offset + 2);
    int replaced = 0;
    CoderResult result = decoder.decode(in, out, true);
    while (result.isError()) {
      out.put('\uFFFD');
      in.position(in.position() + result.length());
      replaced++;
      result = decoder.decode(in, out, true);
    }
    if (result.isOverflow()) {
      throw new IllegalStateException("more characters than bytes in " + charset);
    }
    decoder.flush(out);
    return new Decoded(out.flip().toString(), charset, replaced);
  }

  private static long multiByteCharacters(String text) {
    return text.chars().filter(c -> c >= 0x80 && c != 0xFFFD).count();
  }

  private static double highByteShare(byte[] bytes) {
    int visible = 0;
    int high = 0;
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v > ' ') {
        visible++;
        if (v >= 0x80) {
          high++;
        }
      }
    }
    return visible == 0 ? 0 : (double) high / visible;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static Signature signature(String looksLike, int... magic) {
    byte[] bytes = new byte[magic.length];
    for (int i = 0; i < magic.length; i++) {
      bytes[i] = (byte) magic[i];
    }
    return new Signature(bytes, looksLike);
  }
}
