package org.claimdesk.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shows instants in the newsroom's time zone and the viewer's language ({@code #{dates.show(x)}}).
 */
@Named("dates")
@ApplicationScoped
public class DateDisplay {
  @Inject
  @ConfigProperty(name = "claimdesk.timezone", defaultValue = "Europe/Berlin")
  String zone;

  public String show(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(viewLocale())
        .withZone(ZoneId.of(zone))
        .format(instant);
  }

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  private static java.util.Locale viewLocale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
