package dev.tpmalerts.matcher.search;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import dev.tpmalerts.matcher.search.PostingSearch.SearchResult;
import dev.tpmalerts.shared.TaxonomyIds;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recruiter search as a server-rendered page ({@code templates/search.html}): the same parameters, checks and
 * search as the JSON API, a GET form (bookmarkable, no script needed), facet checkboxes with their counts and a
 * link to the next page that carries the signed cursor.
 */
@Controller
@Hidden
class SearchPageController {

	/** The facets offered as checkboxes, in the page's order. */
	private static final List<String> FACETS = facets();

	/** What the page calls each id it shows: facets, roles, seniorities, workplaces, tag ids. */
	private static final Map<String, String> LABELS = labels();

	private final PostingSearch search;

	private final SearchCursors cursors;

	SearchPageController(PostingSearch search, SearchCursors cursors) {
		this.search = search;
		this.cursors = cursors;
	}

	/** One facet's fieldset: its checkboxes. */
	record FacetChoices(String name, String legend, List<Choice> choices) {

	}

	/** A checkbox: a value, how many postings it would find alongside the other facets' choices, ticked or not. */
	record Choice(String value, String label, long count, boolean checked) {

	}

	@GetMapping("/")
	String home() {
		return "redirect:/search";
	}

	@GetMapping("/search")
	String search(@RequestParam MultiValueMap<String, String> parameters, Principal principal, Model model,
			HttpServletResponse response) throws IOException {
		model.addAttribute("user", principal.getName());
		model.addAttribute("labels", LABELS);
		// What the fields held, to show them again: repeated values (country=US&country=DE) as one list.
		Map<String, String> form = new HashMap<>();
		parameters.forEach((name, values) -> form.put(name, String.join(",", values)));
		model.addAttribute("form", form);
		try {
			PostingQuery query = PostingQuery.parse(parameters, this.cursors);
			SearchResult result = this.search.search(query);
			model.addAttribute("sort", query.sort().name().toLowerCase(Locale.ROOT));
			model.addAttribute("size", query.size());
			model.addAttribute("sizes", new TreeSet<>(List.of(10, 20, 50, 100, query.size())));
			model.addAttribute("result", result);
			model.addAttribute("facets", choices(query, result));
			model.addAttribute("nextPage", (result.next() != null) ? page(parameters, result.next()) : null);
			model.addAttribute("firstPage", query.after().isPresent() ? page(parameters, null) : null);
		}
		catch (BadParameterException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("sort", "score");
			model.addAttribute("size", 20);
			model.addAttribute("sizes", List.of(10, 20, 50, 100));
		}
		return "search";
	}

	/** Every counted value of each facet, and the chosen ones even when they find nothing, so they can be unticked. */
	private static List<FacetChoices> choices(PostingQuery query, SearchResult result) {
		Map<String, List<String>> chosen = query.facetFilters();
		List<FacetChoices> facets = new ArrayList<>();
		for (String facet : FACETS) {
			Map<String, Long> counts = result.facets().getOrDefault(facet, Map.of());
			List<String> ticked = chosen.getOrDefault(facet, List.of());
			List<Choice> choices = new ArrayList<>();
			counts.forEach((value, count) -> choices.add(new Choice(value, label(value), count, ticked.contains(value))));
			ticked.stream()
				.filter((value) -> !counts.containsKey(value))
				.forEach((value) -> choices.add(new Choice(value, label(value), 0, true)));
			facets.add(new FacetChoices(facet, label(facet), choices));
		}
		return facets;
	}

	/** This search's URL on another page: the cursor replaced, or dropped for the first page. */
	private static String page(MultiValueMap<String, String> parameters, String after) {
		// Form encoding, as the browser sent them: a "+" in a value must come back as "%2B", not as a space.
		StringJoiner url = new StringJoiner("&", "/search?", "").setEmptyValue("/search");
		parameters.forEach((name, values) -> values.stream()
			.filter((value) -> !name.equals("after") && !value.isBlank())
			.forEach((value) -> url.add(encode(name) + "=" + encode(value))));
		if (after != null) {
			url.add("after=" + encode(after));
		}
		return url.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** "stakeholder-management" reads "Stakeholder management". */
	private static String label(String id) {
		String words = id.replace('-', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new HashMap<>();
		Stream.of(FACETS, TaxonomyIds.ROLES, TaxonomyIds.SENIORITIES, PostingQuery.WORKPLACES)
			.flatMap(List::stream)
			.forEach((id) -> labels.put(id, label(id)));
		TaxonomyIds.FACETS.values().forEach((ids) -> ids.forEach((id) -> labels.putIfAbsent(id, label(id))));
		// The score breakdown's points for a title that names the role.
		labels.put("title", "Title");
		return Map.copyOf(labels);
	}

	private static List<String> facets() {
		List<String> facets = new ArrayList<>(List.of("role", "seniority", "workplace"));
		PostingSearch.COUNTED.stream().filter((facet) -> !facets.contains(facet)).forEach(facets::add);
		return List.copyOf(facets);
	}

}
