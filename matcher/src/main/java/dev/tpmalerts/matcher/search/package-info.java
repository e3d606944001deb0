/**
 * The recruiter search over matched postings: one search ({@code PostingSearch}) behind the JSON API, its OpenAPI
 * description and the server-rendered search page.
 */
package dev.tpmalerts.matcher.search;
