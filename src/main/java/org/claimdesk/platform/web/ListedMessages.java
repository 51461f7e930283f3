package org.claimdesk.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' {@code p:messages} as a proper list: PrimeFaces gives each {@code <li>} the role
 * "alert", which takes it out of its {@code <ul>} for assistive technology (axe-core rule "list",
 * serious). The messages box is already an {@code aria-live} region, so each message is still read
 * out when it appears.
 */
public class ListedMessages extends MessagesRenderer {
  @Override
  protected void encodeMessage(
      ResponseWriter writer,
      Messages uiMessages,
      FacesMessage message,
      String severity,
      boolean escape)
      throws IOException {
    super.encodeMessage(new WithoutItemRole(writer), uiMessages, message, severity, escape);
  }

  /** Writes everything but the role attribute of list items. */
  private static final class WithoutItemRole extends ResponseWriterWrapper {
    private String element = "";

    WithoutItemRole(ResponseWriter writer) {
      super(writer);
    }

    @Override
    public void startElement(String name, UIComponent component) throws IOException {
      element = name;
      super.startElement(name, component);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
      if ("li".equals(element) && "role".equals(name)) {
        return;
      }
      super.writeAttribute(name, value, property);
    }
  }
}
