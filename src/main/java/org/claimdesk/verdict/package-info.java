/**
 * The end of a case: rating scales, the proposed verdict and its versions, review (four-eyes,
 * quorum, blind cross-check, inline comments), publication as a public page with schema.org
 * ClaimReview, and corrections after publication. The transition rules are {@link
 * org.claimdesk.casework.Workflow}'s.
 */
package org.claimdesk.verdict;
