package dev.tpmalerts.notifier.match;

import java.util.Arrays;
import java.util.List;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.Tag;

/**
 * A matched posting as the alert index reads it: the set of term ids it holds (only terms some alert asks for),
 * its words as term ids in order (title then description, as one run, as {@link AlertCriteria#matches} reads
 * them) for phrases, its score and its salary.
 */
final class PostingTerms {

	private final long[] bits;

	/** The distinct terms, in the order found. */
	private int[] present = new int[32];

	private int presentCount;

	/** Each word of the title and description, as its term id, or -1 when no alert asks for it. */
	final int[] tokens;

	final int score;

	/** The salary's currency, or null when the posting states none. */
	final String currency;

	/** The salary's annual top (or bottom when it gives one figure), or null. */
	final Double annualTop;

	/** Reads the posting with the vocabulary as it is now; call under the index's read lock. */
	PostingTerms(PostingMatched matched, Vocabulary vocabulary) {
		Posting posting = matched.posting();
		this.bits = new long[(vocabulary.termCount() + 63) >>> 6];
		this.score = matched.score();
		if (matched.role() != null) {
			add(vocabulary.roleOrNone(matched.role()));
		}
		if (posting.seniority() != null) {
			add(vocabulary.seniorityOrNone(posting.seniority()));
		}
		for (Tag tag : matched.tags()) {
			if (tag.facet() != null && tag.id() != null) {
				add(vocabulary.facetOrNone(tag.facet(), tag.id()));
			}
		}
		for (Location location : posting.locations()) {
			addPlace(vocabulary, location.city());
			addPlace(vocabulary, location.region());
			addPlace(vocabulary, location.country());
		}
		add(vocabulary.workplaceOrNone(posting.workplace()));
		List<String> title = AlertCriteria.words(posting.title());
		List<String> description = AlertCriteria.words(posting.descriptionText());
		this.tokens = new int[title.size() + description.size()];
		int i = 0;
		for (String word : title) {
			this.tokens[i++] = addWord(vocabulary, word);
		}
		for (String word : description) {
			this.tokens[i++] = addWord(vocabulary, word);
		}
		Salary salary = posting.salary();
		this.currency = (salary != null) ? salary.currency() : null;
		this.annualTop = (salary == null) ? null : AlertCriteria.annualTop(salary);
	}

	private void addPlace(Vocabulary vocabulary, String part) {
		if (part != null) {
			add(vocabulary.placeOrNone(part));
		}
	}

	private int addWord(Vocabulary vocabulary, String word) {
		int term = vocabulary.wordOrNone(word);
		add(term);
		return term;
	}

	private void add(int term) {
		if (term < 0 || has(term)) {
			return;
		}
		this.bits[term >>> 6] |= 1L << term;
		if (this.presentCount == this.present.length) {
			this.present = Arrays.copyOf(this.present, this.presentCount * 2);
		}
		this.present[this.presentCount++] = term;
	}

	boolean has(int term) {
		return (this.bits[term >>> 6] & (1L << term)) != 0;
	}

	int presentCount() {
		return this.presentCount;
	}

	int present(int i) {
		return this.present[i];
	}

	/** Whether the words {@code data[from..from+length)} stand next to each other, in order, in the text. */
	boolean hasPhrase(int[] data, int from, int length) {
		for (int k = 0; k < length; k++) {
			if (!has(data[from + k])) {
				return false;
			}
		}
		int first = data[from];
		for (int i = 0, last = this.tokens.length - length; i <= last; i++) {
			if (this.tokens[i] == first) {
				int k = 1;
				while (k < length && this.tokens[i + k] == data[from + k]) {
					k++;
				}
				if (k == length) {
					return true;
				}
			}
		}
		return false;
	}

}
