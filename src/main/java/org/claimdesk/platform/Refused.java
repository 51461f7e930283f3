package org.claimdesk.platform;

/**
 * Input ClaimDesk will not take, with the HTTP status that says why: too large (413), not readable
 * as an article or naming people who have no account (422), or a page that could not be fetched
 * (502). Nothing is stored. It names the field that was refused: the body as a whole unless said
 * otherwise, the url for a page that could not be fetched.
 */
public class Refused extends RuntimeException implements Refusal {
  private final int status;
  private final String title;
  private final String field;
  private final Message message;

  private Refused(int status, String title, String field, Message message) {
    super(message.english());
    this.status = status;
    this.title = title;
    this.field = field;
    this.message = message;
  }

  public static Refused tooLarge(String key, Object... arguments) {
    return new Refused(413, "Content Too Large", "body", Message.of(key, arguments));
  }

  public static Refused unreadable(String key, Object... arguments) {
    return unreadable(Message.of(key, arguments));
  }

  public static Refused unreadable(Message message) {
    return new Refused(422, "Unprocessable Content", "body", message);
  }

  public static Refused unreachable(String key, Object... arguments) {
    return new Refused(502, "Bad Gateway", "url", Message.of(key, arguments));
  }

  @Override
  public Message message() {
    return message;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String field() {
    return field;
  }
}
