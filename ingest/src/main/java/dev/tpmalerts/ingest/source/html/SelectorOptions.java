package dev.tpmalerts.ingest.source.html;

import java.util.Optional;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;

/**
 * Reads the CSS selectors and limits of a source's {@code options}, failing on a missing or malformed value with an
 * error that names the source, the option and the value, before any page is read.
 */
public final class SelectorOptions {

	private SelectorOptions() {
	}

	/** A CSS selector as configured, compiled. */
	public record CssSelector(String option, String css, Evaluator evaluator) {

		@Override
		public String toString() {
			return this.option + " '" + this.css + "'";
		}

	}

	/**
	 * @param purpose what the selector must match, for the error ("one element per posting")
	 */
	public static CssSelector required(SourceDefinition source, String option, String purpose) {
		return optional(source, option).orElseThrow(() -> new SourceFormatException(describe(source)
				+ " needs the option '" + option + "': a CSS selector matching " + purpose));
	}

	public static Optional<CssSelector> optional(SourceDefinition source, String option) {
		return source.option(option).map((css) -> compile(source, option, css));
	}

	/** A selector with a default that is known to be valid. */
	public static CssSelector orDefault(SourceDefinition source, String option, String defaultCss) {
		return optional(source, option).orElseGet(() -> compile(source, option, defaultCss));
	}

	/** A limit such as {@code max-pages}: a whole number of at least 1, else the default when not set. */
	public static int positiveNumber(SourceDefinition source, String option, int defaultValue) {
		Optional<String> value = source.option(option);
		if (value.isEmpty()) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value.get().strip());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the value
		}
		throw new SourceFormatException(describe(source) + ": option '" + option
				+ "' must be a whole number of at least 1, not '" + value.get() + "'");
	}

	private static CssSelector compile(SourceDefinition source, String option, String css) {
		try {
			return new CssSelector(option, css, QueryParser.parse(css));
		}
		catch (Selector.SelectorParseException | IllegalArgumentException ex) {
			throw new SourceFormatException(describe(source) + ": option '" + option + "' is not a valid CSS selector: '"
					+ css + "' (" + ex.getMessage() + ")", ex);
		}
	}

	/** "Source 'acme-board' (html)". */
	public static String describe(SourceDefinition source) {
		return "Source '" + source.name() + "'"
				+ ((source.type() != null) ? " (" + source.type().configName() + ")" : "");
	}

}
