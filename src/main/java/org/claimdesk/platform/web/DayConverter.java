package org.claimdesk.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Days in date fields ({@code <cd:day>}): written in the UI language's form, read in that form or
 * in ISO; an unreadable day is refused with a message from the bundle.
 */
@FacesConverter("claimdesk.day")
public class DayConverter implements Converter<LocalDate> {

  @Override
  public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Locale locale = context.getViewRoot().getLocale();
    return DateDisplay.parse(value, locale)
        .orElseThrow(
            () -> {
              Object label = component.getAttributes().get("label");
              String text =
                  Feedback.text(
                      "date.unreadable",
                      label == null ? "" : label,
                      value.strip(),
                      DateDisplay.format(LocalDate.of(2024, 6, 20), locale));
              return new ConverterException(
                  new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            });
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
    return value == null ? "" : DateDisplay.format(value, context.getViewRoot().getLocale());
  }
}
