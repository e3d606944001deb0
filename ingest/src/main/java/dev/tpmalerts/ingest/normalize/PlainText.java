package dev.tpmalerts.ingest.normalize;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text of sanitised HTML with one line per block (paragraph, list item, heading), so sections stay apparent.
 * White space collapses as a browser shows it (line breaks in the source are spaces), except inside {@code <pre>};
 * one pass, no regular expressions: this runs for every posting.
 */
final class PlainText implements NodeVisitor {

	private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "ul", "ol",
			"tr", "blockquote", "pre", "dd", "dt", "section", "article", "table");

	private final StringBuilder text = new StringBuilder();

	private boolean pendingSpace;

	private PlainText() {
	}

	static String of(Element root) {
		PlainText visitor = new PlainText();
		NodeTraversor.traverse(visitor, root);
		return visitor.text.toString().strip();
	}

	@Override
	public void head(Node node, int depth) {
		if (node instanceof TextNode textNode) {
			boolean pre = textNode.parent() != null && textNode.parent().normalName().equals("pre");
			String value = textNode.getWholeText();
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\n' && pre) {
					newLine();
				}
				else if (Character.isWhitespace(c) || c == '\u00A0') {
					this.pendingSpace = true;
				}
				else {
					if (this.pendingSpace && !this.text.isEmpty() && this.text.charAt(this.text.length() - 1) != '\n') {
						this.text.append(' ');
					}
					this.pendingSpace = false;
					this.text.append(c);
				}
			}
		}
		else if (node instanceof Element element
				&& (element.normalName().equals("br") || BLOCKS.contains(element.normalName()))) {
			// A block starts a line too: "<strong>What you'll do</strong><ul><li>…" is a heading, then the list.
			newLine();
		}
	}

	@Override
	public void tail(Node node, int depth) {
		if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
			newLine();
		}
	}

	/** Ends the line, unless it is empty: blank lines collapse. */
	private void newLine() {
		this.pendingSpace = false;
		if (!this.text.isEmpty() && this.text.charAt(this.text.length() - 1) != '\n') {
			this.text.append('\n');
		}
	}

}
