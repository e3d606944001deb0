/** The Elasticsearch index of matched postings: versioned indices behind the {@code postings} alias. */
package dev.tpmalerts.matcher.index;
