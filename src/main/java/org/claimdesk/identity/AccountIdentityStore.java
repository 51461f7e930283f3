package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/** Checks user name and password against the account table, with throttling. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {
  @Inject Accounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Accounts.LoginCheck check =
        accounts.checkPassword(login.getCaller(), login.getPasswordAsString());
    if (check.outcome() != Accounts.LoginOutcome.VALID) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        check.username(), check.roles().stream().map(Role::name).collect(Collectors.toSet()));
  }
}
