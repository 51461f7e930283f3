/**
 * Evidence: what a case relies on (items with stance, quote, source and files), the source registry
 * with reliability ratings, and the attachment store.
 */
package org.claimdesk.evidence;
