package org.claimdesk.platform;

/**
 * A value a rule of the domain refuses, with the name of the field or parameter that carried it, so
 * that the answer can name it (400 problem+json with an {@code errors} entry).
 */
public class InvalidValue extends InvalidInput {
  private final String field;

  public InvalidValue(String field, String key, Object... arguments) {
    super(Message.of(key, arguments));
    this.field = field;
  }

  public String field() {
    return field;
  }
}
