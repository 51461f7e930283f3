/**
 * Evidence: what a case relies on (items with stance, quote, source and files), the source registry
 * with reliability ratings, and the attachment store (content-addressed, type from the bytes).
 */
package org.claimdesk.evidence;
