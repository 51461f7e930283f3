/**
 * Claims: suggesting which sentences of an article are worth checking, with the reasons why, and
 * who may have made them.
 */
package org.claimdesk.claim;
