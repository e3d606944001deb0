package dev.tpmalerts.matcher.search;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tpmalerts.matcher.search.PostingSearch.SearchResult;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recruiter search as a JSON API; its parameters are documented by {@link SearchApiDocs}. */
@RestController
@RequestMapping("/api/postings")
@Tag(name = "Recruiter search", description = "Matched Technical Program Manager postings with their score breakdown and evidence")
class PostingSearchController {

	private final PostingSearch search;

	private final SearchCursors cursors;

	PostingSearchController(PostingSearch search, SearchCursors cursors) {
		this.search = search;
		this.cursors = cursors;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchPostings", summary = "Search the matched postings",
			description = "Hits best score first (or newest first), each with its score breakdown, the evidence of every tag "
					+ "and highlights. List parameters take repeated values or commas; the values of one filter are "
					+ "alternatives, filters combine. Facet counts are computed with every filter but the facet's own.",
			security = @SecurityRequirement(name = SearchApiDocs.BASIC))
	@ApiResponse(responseCode = "200", description = "A page of hits with the facet counts and the next page's cursor")
	@ApiResponse(responseCode = "400", description = "A parameter that cannot be used (unknown, bad value, altered cursor): the problem's parameter property names it",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = SearchApiDocs.PROBLEM_REF)))
	@ApiResponse(responseCode = "401", description = "No or wrong credentials (with WWW-Authenticate: Basic)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = SearchApiDocs.PROBLEM_REF)))
	@ApiResponse(responseCode = "403", description = "The user has neither the RECRUITER nor the ADMIN role",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = SearchApiDocs.PROBLEM_REF)))
	SearchResult search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) throws IOException {
		return this.search.search(PostingQuery.parse(parameters, this.cursors));
	}

}
