package dev.tpmalerts.ingest.source.jsonld;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.JsonNodes;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.microdata.MicrodataExtractor;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Location;

import org.springframework.stereotype.Component;

/**
 * Career pages that describe their job in a schema.org {@code JobPosting} JSON-LD block: a single object, an
 * array, or an {@code @graph}. A broken block is skipped when another one on the page holds the posting. A page
 * without a JSON-LD posting is read for microdata ({@link MicrodataExtractor}).
 */
@Component
public class JsonLdPageParser implements SourceParser {

	private static final Logger logger = LoggerFactory.getLogger(JsonLdPageParser.class);

	private static final String JSON_LD = "application/ld+json";

	private static final String LD_JSON = "ld+json";

	private static final String SCRIPT_END = "</script";

	@Override
	public SourceType type() {
		return SourceType.JSON_LD_PAGE;
	}

	@Override
	public List<RawPosting> parse(SourceDefinition source, FetchedDocument document) {
		return postingsOnPage(source, SourceType.JSON_LD_PAGE, document);
	}

	/**
	 * The postings of a fetched career page: its JSON-LD JobPostings, else its microdata ones. When the page's
	 * last JSON-LD block ends before the page does, only that far is parsed: the rest is the visible page, often
	 * most of it, and it is read (in full) only when the blocks hold no posting. Listings use this for the posting
	 * pages they link to.
	 * @param type the source type the postings are attributed to
	 * @throws SourceFormatException when the page has neither, naming its URL and any broken JSON-LD
	 */
	public static List<RawPosting> postingsOnPage(SourceDefinition source, SourceType type, FetchedDocument document) {
		int end = endOfLastJsonLdBlock(document.body());
		if (end > 0 && end < document.body().length) {
			Document head = parseHtml(document, end);
			List<RawPosting> found = jsonLdPostings(source, type, head, new ArrayList<>());
			if (!found.isEmpty()) {
				return found;
			}
		}
		return postingsOnPage(source, type, parseHtml(document));
	}

	private static List<RawPosting> postingsOnPage(SourceDefinition source, SourceType type, Document page) {
		List<String> errors = new ArrayList<>();
		List<RawPosting> found = jsonLdPostings(source, type, page, errors);
		if (found.isEmpty()) {
			found = MicrodataExtractor.extract(source, type, page);
		}
		if (found.isEmpty()) {
			throw new SourceFormatException("No schema.org JobPosting in the JSON-LD or microdata of " + page.location()
					+ (errors.isEmpty() ? "" : " (broken JSON-LD: " + String.join("; ", errors) + ")"));
		}
		if (!errors.isEmpty()) {
			logger.info("Ignored {} broken JSON-LD block(s) on {}", errors.size(), page.location());
		}
		return found;
	}

	/** The JobPostings of the page's JSON-LD blocks; each broken block adds its parse error to {@code errors}. */
	private static List<RawPosting> jsonLdPostings(SourceDefinition source, SourceType type, Document page,
			List<String> errors) {
		List<JsonNode> postings = new ArrayList<>();
		// By tag, not by CSS query: this runs for every page and the selector engine costs more than the walk.
		for (Element script : page.getElementsByTag("script")) {
			if (!script.attr("type").strip().equalsIgnoreCase(JSON_LD)) {
				continue;
			}
			try {
				collectJobPostings(Json.mapper().readTree(script.data()), postings);
			}
			catch (JacksonException ex) {
				errors.add(ex.getOriginalMessage());
			}
		}
		return postings.stream().map((node) -> toRaw(source, type, page.location(), node)).toList();
	}

	/**
	 * Where the {@code </script>} after the page's last mention of "ld+json" ends, or -1. Every JSON-LD block ends
	 * there or earlier, whatever the page says elsewhere. A page in an encoding that is not ASCII-compatible
	 * (UTF-16) has no such mention in its bytes and is parsed in full.
	 */
	static int endOfLastJsonLdBlock(byte[] page) {
		// Read as Latin-1, one char per byte, the offsets are byte offsets; String's searches are vectorised.
		String bytes = new String(page, StandardCharsets.ISO_8859_1);
		int mention = -1;
		for (int plus = bytes.lastIndexOf('+'); plus >= 2 && mention < 0; plus = bytes.lastIndexOf('+', plus - 1)) {
			if (bytes.regionMatches(true, plus - 2, LD_JSON, 0, LD_JSON.length())) {
				mention = plus - 2;
			}
		}
		if (mention < 0) {
			return -1;
		}
		for (int close = bytes.indexOf("</", mention); close >= 0; close = bytes.indexOf("</", close + 2)) {
			if (bytes.regionMatches(true, close, SCRIPT_END, 0, SCRIPT_END.length())) {
				int tagEnd = bytes.indexOf('>', close);
				return (tagEnd < 0) ? -1 : tagEnd + 1;
			}
		}
		return -1;
	}

	/**
	 * A fetched page as a jsoup document whose links resolve against the page URL: decoded by the header's
	 * charset, else the page's own (meta charset, byte-order mark), else UTF-8.
	 */
	public static Document parseHtml(FetchedDocument document) {
		return parseHtml(document, document.body().length);
	}

	/** The first {@code length} bytes of a fetched page, as {@link #parseHtml(FetchedDocument)} reads the page. */
	private static Document parseHtml(FetchedDocument document, int length) {
		String charset = document.declaredCharset().map(Object::toString).orElse(null);
		try {
			return Jsoup.parse(new ByteArrayInputStream(document.body(), 0, length), charset, document.url().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collectJobPostings(JsonNode node, List<JsonNode> into) {
		if (node == null) {
			return;
		}
		if (node.isArray()) {
			node.forEach((child) -> collectJobPostings(child, into));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		if (isJobPosting(node.get("@type"))) {
			into.add(node);
		}
		collectJobPostings(node.get("@graph"), into);
	}

	private static boolean isJobPosting(JsonNode type) {
		if (type == null) {
			return false;
		}
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (isJobPosting(each)) {
					return true;
				}
			}
			return false;
		}
		String name = type.asString();
		return name.equals("JobPosting") || name.endsWith("/JobPosting");
	}

	private static RawPosting toRaw(SourceDefinition source, SourceType type, String pageUrl, JsonNode job) {
		String url = JsonNodes.text(job, "url");
		JsonNode identifier = job.get("identifier");
		String externalId = (identifier != null && identifier.isObject()) ? JsonNodes.text(identifier, "value")
				: JsonNodes.text(identifier);
		List<Location> locations = new ArrayList<>();
		for (JsonNode place : JsonNodes.list(job, "jobLocation")) {
			JsonNode address = place.has("address") ? place.get("address") : place;
			if (address.isString()) {
				// schema.org allows the address as text ("Cork, Ireland"); the normaliser splits it.
				locations.add(Location.of(address.asString(), null, null));
				continue;
			}
			locations.add(Location.of(JsonNodes.text(address, "addressLocality"),
					JsonNodes.text(address, "addressRegion"), JsonNodes.text(address, "addressCountry")));
		}
		String locationText = JsonNodes.list(job, "applicantLocationRequirements")
			.stream()
			.map(JsonNodes::text)
			.filter((text) -> text != null)
			.reduce((a, b) -> a + ", " + b)
			.orElse(null);
		return new RawPosting(source.name(), type, (url != null) ? url : pageUrl, externalId,
				JsonNodes.text(job, "title"), JsonNodes.text(job, "hiringOrganization"), locations, locationText,
				JsonNodes.text(job, "jobLocationType"), salary(job.get("baseSalary")),
				String.join(",", JsonNodes.list(job, "employmentType").stream().map(JsonNodes::text).toList()),
				JsonNodes.text(job, "datePosted"), JsonNodes.text(job, "validThrough"),
				JsonNodes.text(job, "description"));
	}

	private static RawSalary salary(JsonNode baseSalary) {
		if (baseSalary == null || !baseSalary.isObject()) {
			return null;
		}
		JsonNode value = baseSalary.get("value");
		String currency = JsonNodes.text(baseSalary, "currency");
		if (value == null) {
			return null;
		}
		if (value.isNumber() || value.isString()) {
			Double amount = JsonNodes.number(baseSalary, "value");
			return new RawSalary(amount, amount, currency, null);
		}
		Double min = JsonNodes.number(value, "minValue");
		Double max = JsonNodes.number(value, "maxValue");
		Double single = JsonNodes.number(value, "value");
		if (min == null && max == null && single == null) {
			return null;
		}
		return new RawSalary((min != null) ? min : single, (max != null) ? max : single, currency,
				JsonNodes.text(value, "unitText"));
	}

}
