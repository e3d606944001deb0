package dev.tpmalerts.ingest.source.html;

import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.html.SelectorOptions.CssSelector;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;

import org.springframework.stereotype.Component;

/**
 * Any HTML job board, read through CSS selectors in the source's options: {@code item-selector} picks one element
 * per posting and the field selectors ({@code title-selector}, {@code link-selector}, ...) are relative to it. An
 * item without a title is still returned, for the normaliser to reject with its reason.
 */
@Component
public class HtmlSelectorParser implements SourceParser {

	@Override
	public SourceType type() {
		return SourceType.HTML;
	}

	@Override
	public List<RawPosting> parse(SourceDefinition source, FetchedDocument document) {
		Selectors selectors = Selectors.of(source);
		Document page = JsonLdPageParser.parseHtml(document);
		Elements items = page.select(selectors.item().evaluator());
		if (items.isEmpty()) {
			// A board with no opening and a board whose markup changed look the same; only a person can tell.
			throw new SourceFormatException(SelectorOptions.describe(source) + ": no element matches "
					+ selectors.item() + " on " + document.url());
		}
		return items.stream().map((item) -> toRaw(source, selectors, item)).toList();
	}

	private static RawPosting toRaw(SourceDefinition source, Selectors selectors, Element item) {
		Optional<Element> link = first(item, Optional.of(selectors.link()));
		String url = link.map((element) -> element.absUrl("href")).filter((href) -> !href.isBlank()).orElse(null);
		String company = first(item, selectors.company()).flatMap(HtmlSelectorParser::text)
			.orElse(source.company());
		String date = first(item, selectors.date())
			.flatMap((element) -> element.hasAttr("datetime") ? nonBlank(element.attr("datetime")) : text(element))
			.orElse(null);
		return new RawPosting(source.name(), SourceType.HTML, url, null,
				first(item, Optional.of(selectors.title())).flatMap(HtmlSelectorParser::text).orElse(null), company,
				List.of(), first(item, selectors.location()).flatMap(HtmlSelectorParser::text).orElse(null), null,
				null, null, date, null, description(item, selectors));
	}

	/**
	 * The description's HTML, with the salary text added when the description does not already state it:
	 * {@link RawPosting} has no field for pay as text, and the normaliser reads pay from the description.
	 */
	private static String description(Element item, Selectors selectors) {
		String html = first(item, selectors.description()).map(Element::html).flatMap(HtmlSelectorParser::nonBlank)
			.orElse(null);
		Optional<String> salary = first(item, selectors.salary()).flatMap(HtmlSelectorParser::text);
		if (salary.isEmpty() || (html != null && Jsoup.parse(html).text().contains(salary.get()))) {
			return html;
		}
		String pay = "<p>" + Entities.escape(salary.get()) + "</p>";
		return (html != null) ? html + "\n" + pay : pay;
	}

	private static Optional<Element> first(Element item, Optional<CssSelector> selector) {
		return selector.map((css) -> item.selectFirst(css.evaluator()));
	}

	private static Optional<String> text(Element element) {
		return nonBlank(element.text());
	}

	private static Optional<String> nonBlank(String value) {
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.strip());
	}

	/** The selectors of one source, checked before the page is read. */
	record Selectors(CssSelector item, CssSelector title, CssSelector link, Optional<CssSelector> company,
			Optional<CssSelector> location, Optional<CssSelector> description, Optional<CssSelector> date,
			Optional<CssSelector> salary) {

		static Selectors of(SourceDefinition source) {
			return new Selectors(SelectorOptions.required(source, "item-selector", "one element per posting"),
					SelectorOptions.required(source, "title-selector", "the title inside a posting's element"),
					SelectorOptions.orDefault(source, "link-selector", "a[href]"),
					SelectorOptions.optional(source, "company-selector"),
					SelectorOptions.optional(source, "location-selector"),
					SelectorOptions.optional(source, "description-selector"),
					SelectorOptions.optional(source, "date-selector"),
					SelectorOptions.optional(source, "salary-selector"));
		}

	}

}
