package dev.tpmalerts.ingest.source.microdata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One HTML microdata item ({@code itemscope}): its types and its properties in document order, read as the
 * WHATWG microdata algorithm does (a nested {@code itemscope} owns the properties below it; {@code itemref} adds
 * properties from elsewhere on the page).
 */
record MicrodataItem(Element element, List<String> types, Map<String, List<Property>> properties) {

	private static final Set<String> URL_ELEMENTS = Set.of("a", "area", "link", "audio", "embed", "iframe", "img",
			"source", "track", "video", "object");

	MicrodataItem {
		types = List.copyOf(types);
		properties = Map.copyOf(properties);
	}

	/** The items on a page whose type is (or ends with) the given schema.org name, outermost first. */
	static List<MicrodataItem> itemsOfType(Document page, String schemaType) {
		List<MicrodataItem> items = new ArrayList<>();
		for (Element element : page.select("[itemscope][itemtype]")) {
			MicrodataItem item = of(element);
			if (item.isOfType(schemaType)) {
				items.add(item);
			}
		}
		return items;
	}

	static MicrodataItem of(Element element) {
		return of(element, new ArrayList<>());
	}

	private static MicrodataItem of(Element element, List<Element> enclosing) {
		enclosing.add(element);
		Map<String, List<Property>> properties = new LinkedHashMap<>();
		for (Element property : propertyElements(element)) {
			Optional<MicrodataItem> nested = Optional.empty();
			// An itemref cycle would otherwise nest an item in itself for ever.
			if (property.hasAttr("itemscope") && !enclosing.contains(property)) {
				nested = Optional.of(of(property, new ArrayList<>(enclosing)));
			}
			for (String name : property.attr("itemprop").strip().split("\\s+")) {
				if (!name.isEmpty()) {
					properties.computeIfAbsent(localName(name), (key) -> new ArrayList<>())
						.add(new Property(property, nested));
				}
			}
		}
		List<String> types = Arrays.stream(element.attr("itemtype").strip().split("\\s+"))
			.filter((type) -> !type.isEmpty())
			.toList();
		return new MicrodataItem(element, types, properties);
	}

	/** The descendants with {@code itemprop} that belong to this item, not to an item nested in it. */
	private static List<Element> propertyElements(Element item) {
		List<Element> found = new ArrayList<>();
		Set<Element> visited = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Element> pending = new ArrayDeque<>(item.children());
		Document document = item.ownerDocument();
		for (String id : item.attr("itemref").strip().split("\\s+")) {
			Element referenced = (id.isEmpty() || document == null) ? null : document.getElementById(id);
			if (referenced != null) {
				pending.add(referenced);
			}
		}
		while (!pending.isEmpty()) {
			Element element = pending.removeFirst();
			if (!visited.add(element)) {
				continue;
			}
			if (element.hasAttr("itemprop")) {
				found.add(element);
			}
			if (!element.hasAttr("itemscope")) {
				List<Element> children = new ArrayList<>(element.children());
				for (int i = children.size() - 1; i >= 0; i--) {
					pending.addFirst(children.get(i));
				}
			}
		}
		return found;
	}

	/** "https://schema.org/name" and "name" are the same property. */
	private static String localName(String property) {
		int slash = property.lastIndexOf('/');
		return (slash >= 0) ? property.substring(slash + 1) : property;
	}

	boolean isOfType(String schemaType) {
		return this.types.stream()
			.anyMatch((type) -> type.equals(schemaType) || type.endsWith("schema.org/" + schemaType));
	}

	List<Property> values(String name) {
		return this.properties.getOrDefault(name, List.of());
	}

	Optional<Property> first(String name) {
		return values(name).stream().findFirst();
	}

	/** The text of the first value of a property, or of the name of a nested item; empty when blank. */
	Optional<String> text(String name) {
		return values(name).stream().map(Property::text).flatMap(Optional::stream).findFirst();
	}

	Optional<MicrodataItem> item(String name) {
		return values(name).stream().map(Property::item).flatMap(Optional::stream).findFirst();
	}

	/**
	 * One property's element, and the item it holds when it has {@code itemscope}.
	 */
	record Property(Element element, Optional<MicrodataItem> item) {

		/**
		 * A nested item's name; else a {@code content} attribute (on {@code meta} and, as many pages write it, on
		 * any element), a {@code time}'s {@code datetime}, a {@code data} or {@code meter} value, or the text.
		 */
		Optional<String> text() {
			if (this.item.isPresent()) {
				return this.item.get().text("name");
			}
			String tag = this.element.normalName();
			String value;
			if (this.element.hasAttr("content")) {
				value = this.element.attr("content");
			}
			else if (tag.equals("time") && this.element.hasAttr("datetime")) {
				value = this.element.attr("datetime");
			}
			else if ((tag.equals("data") || tag.equals("meter")) && this.element.hasAttr("value")) {
				value = this.element.attr("value");
			}
			else if (URL_ELEMENTS.contains(tag) && this.element.text().isBlank()) {
				value = url().orElse("");
			}
			else {
				value = this.element.text();
			}
			return nonBlank(value);
		}

		/** A URL property: the resolved {@code href}, {@code src} or {@code data}, else the text. */
		Optional<String> url() {
			for (String attribute : List.of("href", "src", "data")) {
				if (URL_ELEMENTS.contains(this.element.normalName()) && this.element.hasAttr(attribute)) {
					return nonBlank(this.element.absUrl(attribute)).or(() -> nonBlank(this.element.attr(attribute)));
				}
			}
			if (this.element.hasAttr("content")) {
				return nonBlank(this.element.attr("content"));
			}
			return nonBlank(this.element.text());
		}

		/** The inner HTML of the element, or its {@code content} attribute (a description in a meta tag). */
		Optional<String> html() {
			if (this.element.hasAttr("content")) {
				return nonBlank(this.element.attr("content"));
			}
			return nonBlank(this.element.html());
		}

		Optional<Double> number() {
			return text().flatMap((text) -> {
				try {
					return Optional.of(Double.valueOf(text.replace(",", "").replaceAll("[^0-9.+-]", "")));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			});
		}

		private static Optional<String> nonBlank(String value) {
			return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.strip());
		}

	}

}
