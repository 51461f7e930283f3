/**
 * Cross-cutting machinery: configuration, start-up, database migrations, errors, security headers,
 * i18n.
 */
package org.claimdesk.platform;
