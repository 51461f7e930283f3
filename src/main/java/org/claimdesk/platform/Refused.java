package org.claimdesk.platform;

/**
 * Input ClaimDesk will not take, with the HTTP status that says why: too large (413), not readable
 * as an article or naming people who have no account (422), or a page that could not be fetched
 * (502). Nothing is stored. It names the field that was refused: the body as a whole unless said
 * otherwise, the url for a page that could not be fetched.
 */
public class Refused extends RuntimeException {
  private final int status;
  private final String title;
  private final String field;

  private Refused(int status, String title, String field, String message) {
    super(message);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  public static Refused tooLarge(String message) {
    return new Refused(413, "Content Too Large", "body", message);
  }

  public static Refused unreadable(String message) {
    return new Refused(422, "Unprocessable Content", "body", message);
  }

  public static Refused unreachable(String message) {
    return new Refused(502, "Bad Gateway", "url", message);
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
