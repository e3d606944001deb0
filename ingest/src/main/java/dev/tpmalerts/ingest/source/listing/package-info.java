/**
 * Career sites that list their openings over several pages and describe each one on its own page
 * ({@code type: career-listing}): the listing's links are followed and each posting page is read like a career
 * page.
 */
package dev.tpmalerts.ingest.source.listing;
