/**
 * Evidence for a case. Attachments are stored once per content (SHA-256), typed from their bytes,
 * searchable through their extracted text, and served only as downloads.
 */
package org.claimdesk.evidence;
