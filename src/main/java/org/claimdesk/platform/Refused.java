package org.claimdesk.platform;

/**
 * Input ClaimDesk will not take, with the HTTP status that says why: too large (413), not readable
 * as an article or naming people who have no account (422), or a page that could not be fetched
 * (502). Nothing is stored.
 */
public class Refused extends RuntimeException {
  private final int status;
  private final String title;

  private Refused(int status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  public static Refused tooLarge(String message) {
    return new Refused(413, "Content Too Large", message);
  }

  public static Refused unreadable(String message) {
    return new Refused(422, "Unprocessable Content", message);
  }

  public static Refused unreachable(String message) {
    return new Refused(502, "Bad Gateway", message);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
