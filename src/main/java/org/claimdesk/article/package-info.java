/**
 * Articles as the newsroom received them: the original bytes, their hash, metadata and reading
 * text.
 */
package org.claimdesk.article;
