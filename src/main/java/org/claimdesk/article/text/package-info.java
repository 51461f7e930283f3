/**
 * Reading text from received article bytes: decode, read HTML or Markdown, take out boilerplate and
 * page furniture, collect metadata hints, detect the language and split sentences. A plain library
 * of its own so that the cleaning rules can be read, tested and benchmarked without the archive's
 * persistence or the web tier.
 */
package org.claimdesk.article.text;
