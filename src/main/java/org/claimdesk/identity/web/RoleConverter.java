package org.claimdesk.identity.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import org.claimdesk.identity.Role;

/** Role checkboxes bind to {@code List<Role>}, whose element type JSF cannot see. */
@FacesConverter("claimdesk.Role")
public class RoleConverter implements Converter<Role> {
  @Override
  public Role getAsObject(FacesContext context, UIComponent component, String value) {
    return value == null || value.isBlank() ? null : Role.valueOf(value);
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Role value) {
    return value == null ? "" : value.name();
  }
}
