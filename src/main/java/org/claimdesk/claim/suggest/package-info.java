/**
 * The suggestion engine: which sentences of a reading text are worth checking and why, and who may
 * have said a selected span. A plain library of its own, with its word lists and fitted weights as
 * data beside it, so that it can be refitted and measured without the claim register's
 * transactions.
 */
package org.claimdesk.claim.suggest;
