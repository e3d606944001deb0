package dev.tpmalerts.notifier.match;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import dev.tpmalerts.notifier.alert.AlertCriteria;

/**
 * Splits text into exactly the words {@link AlertCriteria#words} gives, one position each, so that a keyword
 * phrase query over the posting's text matches when and only when {@link AlertCriteria#matches} finds it.
 */
final class WordsAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		return new TokenStreamComponents(new WordsTokenizer());
	}

	private static final class WordsTokenizer extends Tokenizer {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private Iterator<String> words = List.<String>of().iterator();

		@Override
		public boolean incrementToken() {
			if (!this.words.hasNext()) {
				return false;
			}
			clearAttributes();
			this.term.append(this.words.next());
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.words = AlertCriteria.words(read(this.input)).iterator();
		}

		private static String read(Reader reader) throws IOException {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[4096];
			for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
				text.append(buffer, 0, n);
			}
			return text.toString();
		}

	}

}
