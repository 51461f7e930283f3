package org.claimdesk.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.claimdesk.identity.ApiToken;
import org.claimdesk.identity.ApiTokens;
import org.claimdesk.platform.web.Feedback;

/** "API tokens": the person's own tokens, creating one (secret shown once) and revoking. */
@Named
@ViewScoped
public class TokensPage implements Serializable {
  @Inject ApiTokens tokens;
  @Inject Clock clock;

  private String name;
  private Integer validDays;
  private String newSecret;

  public List<ApiToken> getTokens() {
    return tokens.mine();
  }

  public void create() {
    ApiTokens.IssuedToken issued = Feedback.attemptGet(() -> tokens.issue(name, validDays), null);
    if (issued != null) {
      newSecret = issued.secret();
      name = null;
    }
  }

  public void revoke(long id) {
    newSecret = null;
    Feedback.attempt(() -> tokens.revoke(id), "tokens.revokedMessage");
  }

  public String status(ApiToken token) {
    if (token.revokedAt().isPresent()) {
      return "revoked";
    }
    return token.validAt(clock.instant()) ? "active" : "expired";
  }

  public String getNewSecret() {
    return newSecret;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getValidDays() {
    if (validDays == null) {
      validDays = tokens.defaultValidityDays();
    }
    return validDays;
  }

  public void setValidDays(Integer validDays) {
    this.validDays = validDays;
  }
}
