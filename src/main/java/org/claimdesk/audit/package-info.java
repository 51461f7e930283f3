/**
 * The audit trail: every change recorded once, in the transaction of the change, hash-chained and
 * append-only; verification, checkpoints, and the auditors' views and exports.
 */
package org.claimdesk.audit;
