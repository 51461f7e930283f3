package org.claimdesk.casework;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.claimdesk.platform.InvalidInput;

/**
 * A place in a sorted queue: the order, and the sort key and id of the last row seen ({@code key}
 * null for a case without that key). Clients get it as an opaque {@code next} and send it back as
 * {@code after}.
 */
public record QueueCursor(QueueOrder order, String key, long id) {

  /** Opaque and URL-safe: Base64url of "sort.order:id" or "sort.order:id:key". */
  @Override
  public String toString() {
    String plain =
        order.sort().id() + "." + order.order() + ":" + id + (key == null ? "" : ":" + key);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back; null for none. */
  public static QueueCursor parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", 3);
      String[] order = parts[0].split("\\.");
      return new QueueCursor(
          QueueOrder.of(order[0], order[1], QueueOrder.NEWEST),
          parts.length == 3 ? parts[2] : null,
          Long.parseLong(parts[1]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new InvalidInput("refusal.queue.cursorNext");
    }
  }

  void requireOrder(QueueOrder wanted) {
    if (!order.equals(wanted)) {
      throw new InvalidInput(
          "refusal.queue.cursorOrder",
          order.sort().id() + " " + order.order(),
          wanted.sort().id() + " " + wanted.order());
    }
  }
}
