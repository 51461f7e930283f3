/**
 * Claims: checkable statements, who made them (claimants), and where they appear (an exact span of
 * an article revision), plus the suggestions of check-worthy sentences.
 */
package org.claimdesk.claim;
