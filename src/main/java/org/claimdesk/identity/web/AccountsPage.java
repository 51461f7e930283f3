package org.claimdesk.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.identity.Account;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.web.Feedback;

/** "Users" (administrators): create, disable/enable, reset password, set roles. */
@Named
@ViewScoped
public class AccountsPage implements Serializable {
  @Inject Accounts accounts;

  private List<Account> list;

  private String newUsername;
  private String newDisplayName;
  private String newPassword;
  private List<Role> newRoles = new ArrayList<>(List.of(Role.FACT_CHECKER));

  private Account selected;
  private List<Role> selectedRoles = new ArrayList<>();
  private String resetPassword;

  public List<Account> getAccounts() {
    if (list == null) {
      list = accounts.list();
    }
    return list;
  }

  public Role[] getAllRoles() {
    return Role.values();
  }

  public void create() {
    String username = newUsername;
    if (Feedback.attempt(
        () -> accounts.create(username, newDisplayName, newPassword, roles(newRoles)),
        "accounts.created",
        username)) {
      newUsername = null;
      newDisplayName = null;
      newRoles = new ArrayList<>(List.of(Role.FACT_CHECKER));
      list = null;
    }
    newPassword = null;
  }

  public void disable(Account account) {
    Feedback.attempt(
        () -> accounts.disable(account.username()), "accounts.disabled", account.username());
    list = null;
  }

  public void enable(Account account) {
    Feedback.attempt(
        () -> accounts.enable(account.username()), "accounts.enabledMessage", account.username());
    list = null;
  }

  public void select(Account account) {
    selected = account;
    selectedRoles = new ArrayList<>(account.roles());
    resetPassword = null;
  }

  public void saveRoles() {
    Feedback.attempt(
        () -> accounts.setRoles(selected.username(), roles(selectedRoles)),
        "accounts.rolesSaved",
        selected.username());
    list = null;
  }

  public void resetPassword() {
    Feedback.attempt(
        () -> accounts.resetPassword(selected.username(), resetPassword),
        "accounts.passwordReset",
        selected.username());
    resetPassword = null;
  }

  private static Set<Role> roles(List<Role> chosen) {
    return chosen == null || chosen.isEmpty() ? Set.of() : EnumSet.copyOf(chosen);
  }

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewDisplayName() {
    return newDisplayName;
  }

  public void setNewDisplayName(String newDisplayName) {
    this.newDisplayName = newDisplayName;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public List<Role> getNewRoles() {
    return newRoles;
  }

  public void setNewRoles(List<Role> newRoles) {
    this.newRoles = newRoles;
  }

  public Account getSelected() {
    return selected;
  }

  public List<Role> getSelectedRoles() {
    return selectedRoles;
  }

  public void setSelectedRoles(List<Role> selectedRoles) {
    this.selectedRoles = selectedRoles;
  }

  public String getResetPassword() {
    return resetPassword;
  }

  public void setResetPassword(String resetPassword) {
    this.resetPassword = resetPassword;
  }
}
