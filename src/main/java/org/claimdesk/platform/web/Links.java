package org.claimdesk.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Optional;
import org.claimdesk.platform.WebAddress;

/**
 * Every stored web address a page shows as a link goes through {@code #{links.href(x)}}: the
 * address if it passes {@link WebAddress}'s rule, else null, so that a row stored before the rule
 * (a {@code javascript:} URL) is shown as text, never as a link.
 */
@Named("links")
@ApplicationScoped
public class Links {

  /** The address (a String or an Optional of one) if it may be linked, else null. */
  public String href(Object address) {
    Object a = address instanceof Optional<?> o ? o.orElse(null) : address;
    return a == null ? null : WebAddress.linkable(a.toString()).orElse(null);
  }
}
