package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The words an expression's alternation of words spells, for checking the lists that guard the expression. */
final class Alternations {

	private Alternations() {
	}

	/** The first capturing group's alternation, \\b and look-arounds left out: {@code \\b(related|field)\\b}. */
	static Set<String> ofFirstGroup(String expression) {
		for (int at = 0; at < expression.length(); at++) {
			if (expression.charAt(at) == '\\') {
				at++;
			}
			else if (expression.charAt(at) == '[') {
				at = expression.indexOf(']', at);
			}
			else if (expression.charAt(at) == '(' && expression.charAt(at + 1) != '?') {
				return spellings(expression.substring(at + 1, closing(expression, at)));
			}
		}
		throw new IllegalArgumentException("No group in " + expression);
	}

	/** The alternation of the innermost group around {@code word}: {@code ^\\s*(office|project|...)\\b}. */
	static Set<String> ofGroupAround(String expression, String word) {
		int at = expression.indexOf(word);
		int open = expression.lastIndexOf('(', at);
		return spellings(expression.substring(open + 1, closing(expression, open)));
	}

	/** The strings an alternation of literals, escapes, {@code [...]}, {@code (?:...)} and {@code ?} matches. */
	static Set<String> spellings(String alternation) {
		Set<String> all = new LinkedHashSet<>();
		for (String branch : topLevel(alternation)) {
			List<String> sequence = List.of("");
			for (int at = 0; at < branch.length();) {
				Set<String> atom = new LinkedHashSet<>();
				char c = branch.charAt(at);
				int end;
				if (c == '\\') {
					atom.add(String.valueOf(branch.charAt(at + 1)));
					end = at + 2;
				}
				else if (c == '[') {
					end = branch.indexOf(']', at) + 1;
					branch.substring(at + 1, end - 1).chars().forEach((each) -> atom.add(String.valueOf((char) each)));
				}
				else if (branch.startsWith("(?:", at)) {
					end = closing(branch, at) + 1;
					atom.addAll(spellings(branch.substring(at + 3, end - 1)));
				}
				else {
					atom.add(String.valueOf(c));
					end = at + 1;
				}
				if (end < branch.length() && branch.charAt(end) == '?') {
					atom.add("");
					end++;
				}
				List<String> longer = new ArrayList<>();
				for (String prefix : sequence) {
					for (String part : atom) {
						longer.add(prefix + part);
					}
				}
				sequence = longer;
				at = end;
			}
			all.addAll(sequence);
		}
		return all;
	}

	private static List<String> topLevel(String alternation) {
		List<String> branches = new ArrayList<>();
		int depth = 0;
		int from = 0;
		for (int at = 0; at < alternation.length(); at++) {
			char c = alternation.charAt(at);
			if (c == '\\') {
				at++;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == '|' && depth == 0) {
				branches.add(alternation.substring(from, at));
				from = at + 1;
			}
		}
		branches.add(alternation.substring(from));
		return branches;
	}

	private static int closing(String text, int open) {
		int depth = 0;
		for (int at = open; at < text.length(); at++) {
			if (text.charAt(at) == '\\') {
				at++;
			}
			else if (text.charAt(at) == '(') {
				depth++;
			}
			else if (text.charAt(at) == ')' && --depth == 0) {
				return at;
			}
		}
		throw new IllegalArgumentException("No closing parenthesis in " + text);
	}

}
