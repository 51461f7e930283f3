package org.claimdesk.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.claimdesk.platform.Refusal;

/**
 * Runs a use case from a page and shows its outcome as a message: the success text, or the refusal
 * the service gave. The one way backing beans turn service exceptions into feedback.
 */
public final class Feedback {
  private Feedback() {}

  /** Runs the action; on a refusal shows its message and returns false. */
  public static boolean attempt(Runnable action, String successKey, Object... arguments) {
    return attemptGet(
            () -> {
              action.run();
              return Boolean.TRUE;
            },
            successKey,
            arguments)
        != null;
  }

  public static <T> T attemptGet(Supplier<T> action, String successKey, Object... arguments) {
    return attemptSave(action, null, successKey, arguments);
  }

  /**
   * Like {@link #attemptGet}, for a save from a form: when somebody else saved first, the message
   * says what they changed ({@code whatChanged}, which also brings the page up to date) and that
   * the person's input is still in the form.
   */
  public static <T> T attemptSave(
      Supplier<T> action, Supplier<String> whatChanged, String successKey, Object... arguments) {
    try {
      T result = action.get();
      if (successKey != null) {
        info(successKey, arguments);
      }
      return result;
    } catch (RuntimeException e) {
      Throwable refusal = refusal(e);
      if (refusal == null) {
        throw e;
      }
      if (!(refusal instanceof OptimisticLockException)) {
        error(text(refusal));
      } else if (whatChanged == null) {
        error(text("common.changedMeanwhile"));
      } else {
        error(text("common.changedMeanwhileKept", whatChanged.get()));
      }
      return null;
    }
  }

  public static void info(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, text(key, arguments));
  }

  public static void error(String text) {
    add(FacesMessage.SEVERITY_ERROR, text);
  }

  public static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale())
        .format(arguments);
  }

  /** A service's refusal in the page's language; other exceptions by their message. */
  public static String text(Throwable refusal) {
    return refusal instanceof Refusal r
        ? r.text(FacesContext.getCurrentInstance().getViewRoot().getLocale())
        : refusal.getMessage();
  }

  public static boolean hasText(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg").containsKey(key);
  }

  /**
   * Shows this request's messages in a section of the page ({@code p:messages for="area"}) instead
   * of at the top: for actions whose page lands on that section, so the outcome shows where the
   * person looks, once.
   */
  public static void showIn(String area) {
    FacesContext.getCurrentInstance().getAttributes().put(AREA, area);
  }

  private static final String AREA = Feedback.class.getName() + ".area";

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        (String) faces.getAttributes().get(AREA), new FacesMessage(severity, text, null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  private static Throwable refusal(Throwable e) {
    return Refusals.of(e).orElse(null);
  }
}
