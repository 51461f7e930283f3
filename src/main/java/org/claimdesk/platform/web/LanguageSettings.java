package org.claimdesk.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;

/**
 * The UI language: the signed-in person's saved choice, else the browser's preference among German
 * and English. Switching saves the choice to the account.
 */
@Named("language")
@SessionScoped
public class LanguageSettings implements Serializable {
  static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

  @Inject Accounts accounts;
  @Inject Caller caller;

  private Locale chosen;
  private boolean savedChoiceLoaded;

  public Locale getLocale() {
    if (!savedChoiceLoaded && caller.authenticated()) {
      savedChoiceLoaded = true;
      accounts.current().locale().map(Locale::forLanguageTag).ifPresent(saved -> chosen = saved);
    }
    return chosen != null ? chosen : fromBrowser();
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public List<Locale> getSupported() {
    return SUPPORTED;
  }

  /** Switches the language and stays on the same page. */
  public void switchTo(String language) {
    Locale locale =
        SUPPORTED.stream()
            .filter(l -> l.getLanguage().equals(language))
            .findFirst()
            .orElse(Locale.GERMAN);
    chosen = locale;
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    if (caller.authenticated()) {
      accounts.preferLocale(locale);
    }
  }

  private static Locale fromBrowser() {
    var requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
    while (requested.hasNext()) {
      String language = requested.next().getLanguage();
      for (Locale supported : SUPPORTED) {
        if (supported.getLanguage().equals(language)) {
          return supported;
        }
      }
    }
    return Locale.GERMAN;
  }
}
