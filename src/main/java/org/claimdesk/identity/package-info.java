/** Who may do what: accounts, roles, login, API tokens and the first administrator. */
package org.claimdesk.identity;
