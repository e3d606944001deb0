/** The recruiter search over matched postings. */
package dev.tpmalerts.matcher.search;
