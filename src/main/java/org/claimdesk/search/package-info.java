/**
 * The Lucene index behind the one search box and "the same claim across articles": articles, their
 * sentences, claims and claimants, rebuilt from the database whenever it is lost.
 */
package org.claimdesk.search;
