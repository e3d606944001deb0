package dev.tpmalerts.ingest.source.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;

import org.springframework.stereotype.Component;

/**
 * RSS 2.0 and Atom job feeds. The company comes from a {@code company} element when the feed has one (many job
 * feeds add it in their own namespace), else {@code dc:creator}, else a "Company:" line of the description, else
 * the Atom author, else the feed's title. The charset is the header's, else the XML declaration's.
 */
@Component
public class FeedParser implements SourceParser {

	@Override
	public SourceType type() {
		return SourceType.FEED;
	}

	@Override
	public List<RawPosting> parse(SourceDefinition source, FetchedDocument document) {
		Document xml = parseXml(document);
		Element rss = xml.selectFirst("rss > channel");
		if (rss != null) {
			return rssItems(source, rss);
		}
		Element atom = xml.selectFirst("feed");
		if (atom != null) {
			return atomEntries(source, atom);
		}
		throw new SourceFormatException("Feed " + document.url() + " is neither RSS 2.0 (<rss><channel>) nor Atom (<feed>)");
	}

	private static List<RawPosting> rssItems(SourceDefinition source, Element channel) {
		String feedTitle = childText(channel, "title");
		List<RawPosting> postings = new ArrayList<>();
		for (Element item : channel.children()) {
			if (!item.tagName().equals("item")) {
				continue;
			}
			String description = firstNonNull(localText(item, "encoded"), childText(item, "description"));
			String descriptionText = (description == null) ? "" : Jsoup.parse(description).text();
			String company = firstNonNull(localText(item, "company"), localText(item, "creator"),
					labelled(descriptionText, "Company"), feedTitle);
			postings.add(new RawPosting(source.name(), SourceType.FEED, childText(item, "link"),
					firstNonNull(childText(item, "guid"), childText(item, "link")), childText(item, "title"), company,
					List.of(), firstNonNull(localText(item, "location"), labelled(descriptionText, "Location")), null,
					null, localText(item, "jobtype"), childText(item, "pubDate"), null, description));
		}
		return postings;
	}

	private static List<RawPosting> atomEntries(SourceDefinition source, Element feed) {
		String feedTitle = childText(feed, "title");
		List<RawPosting> postings = new ArrayList<>();
		for (Element entry : feed.children()) {
			if (!entry.tagName().equals("entry")) {
				continue;
			}
			String link = null;
			for (Element candidate : entry.children()) {
				if (candidate.tagName().equals("link")
						&& (candidate.attr("rel").isEmpty() || candidate.attr("rel").equals("alternate"))) {
					link = candidate.attr("href");
					break;
				}
			}
			Element author = entry.selectFirst("author > name");
			String company = firstNonNull(localText(entry, "company"), (author != null) ? author.text() : null, feedTitle);
			postings.add(new RawPosting(source.name(), SourceType.FEED, link,
					firstNonNull(childText(entry, "id"), link), childText(entry, "title"), company, List.of(),
					localText(entry, "location"), null, null, null,
					firstNonNull(childText(entry, "published"), childText(entry, "updated")), null,
					firstNonNull(childText(entry, "content"), childText(entry, "summary"))));
		}
		return postings;
	}

	private static Document parseXml(FetchedDocument document) {
		String charset = document.declaredCharset().map(Object::toString).orElse(null);
		try {
			// With no charset given, jsoup reads the byte-order mark and the XML declaration's encoding.
			return Jsoup.parse(new ByteArrayInputStream(document.body()), charset, document.url().toString(),
					Parser.xmlParser());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** "Company: Bluewater Telecom Location: Plano, TX" → "Bluewater Telecom" for the label "Company". */
	private static String labelled(String text, String label) {
		Matcher matcher = Pattern.compile("\\b" + label + ":\\s*(.+?)\\s*(?=\\b[A-Z][a-z]+:|$)").matcher(text);
		return matcher.find() ? matcher.group(1).strip() : null;
	}

	/** A direct child's text, whatever the element's namespace prefix. */
	private static String childText(Element parent, String name) {
		for (Element child : parent.children()) {
			if (child.tagName().equals(name)) {
				String text = child.text();
				return text.isBlank() ? null : text.strip();
			}
		}
		return null;
	}

	/** A direct child by local name, so {@code job:company} and {@code company} are both found. */
	private static String localText(Element parent, String localName) {
		for (Element child : parent.children()) {
			String tag = child.tagName();
			if (tag.equals(localName) || tag.endsWith(":" + localName)) {
				String text = child.text();
				return text.isBlank() ? null : text.strip();
			}
		}
		return null;
	}

	@SafeVarargs
	private static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
