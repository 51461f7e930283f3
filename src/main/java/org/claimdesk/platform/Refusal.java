package org.claimdesk.platform;

import java.util.List;
import java.util.Locale;

/**
 * A refusal a person may read: every refusal exception carries its {@link Message}, and the UI and
 * the REST API write it in the reader's language. {@code getMessage()} is the English text, for
 * logs.
 */
public interface Refusal {
  Message message();

  default String key() {
    return message().key();
  }

  default List<Object> arguments() {
    return message().arguments();
  }

  default String text(Locale locale) {
    return message().in(locale);
  }
}
