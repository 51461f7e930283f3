/** The dashboard: what is in ClaimDesk now, in real counts. */
package org.claimdesk.dashboard;
