package dev.tpmalerts.matcher.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tpmalerts.matcher.classify.Sections.Kind;
import dev.tpmalerts.shared.Evidence;
import dev.tpmalerts.shared.Tag;

/**
 * Ranks the employer's industries. What the posting says about the employer (its name, the about-us text, "our
 * client, a leading bank") outweighs what the role merely touches ("work with our payments partners"); every
 * posting gets at least one industry, {@code other} when nothing fits.
 */
final class Industries {

	private static final Pattern STAFFING_NAME = Pattern
		.compile(".*\\b(staffing|recruit(ing|ment|ers)?|talent|search|personnel|workforce|careers|resources group)\\b.*");

	/** Every match of {@link #STAFFING_NAME} holds one of these. */
	private static final AsciiWords STAFFING_WORDS = new AsciiWords("staffing", "recruit", "talent", "search", "personnel",
			"workforce", "careers", "resources group");

	private static final int NAME_WEIGHT = 6;

	private static final int CLIENT_WEIGHT = 6;

	private static final int ABOUT_WEIGHT = 3;

	/** "Northstar Foods is a family-owned food manufacturer": what the employer is, not whom it serves. */
	private static final int IDENTITY_WEIGHT = 8;

	// The noun phrase after "is a", up to what it does or whom it serves ("a general contractor delivering hospitals").
	// In this expression and the next ones, a lookahead of the letters the words start with lets the search pass over
	// most offsets at a glance, where "\b" would look at the characters on both sides of each.
	private static final Pattern IDENTITY = Pattern.compile(
			"^[^.;:]{0,60}?(?=[ia'’])\\b(is|are|'re|’re)\\s+(a|an|the|one of)\\b[^.;:]{0,100}?(?=(?=[abcdfhmoprstw])\\b(that|which|who|whose|where|delivering|building|builds|serving|serves|helping|helps|providing|provides|offering|offers|selling|sells|making|makes|producing|operating|running|powering|for|with|to|across|from|based in|headquartered|dedicated|focused|committed|on a mission)\\b|[.;:,]|$)",
			Pattern.CASE_INSENSITIVE);

	/** "for clients in retail", "sold in 40,000 grocery stores": the industries of its customers. */
	private static final Pattern CUSTOMERS_BEFORE = Pattern.compile(
			"(?=[bcipstu])\\b(clients|customers|sold|sells|selling|used by|trusted by|brands are|partners|industries|sectors)\\b[^.;:]{0,50}$"
					+ "|(?=[apst])\\b(software|platforms?|solutions?|tools|products|apps?|technology|services)\\s+(built\\s+|designed\\s+|made\\s+)?for\\s+([\\w'’-]+\\s+){0,3}$",
			Pattern.CASE_INSENSITIVE);

	private static final int BODY_WEIGHT = 1;

	/** A secondary industry is listed only when the posting says as much about it as this. */
	private static final int SECONDARY_MIN = 4;

	/** The industries an employer's name says, in order, each by whole words of its own ("Bank", "Health"). */
	private static final List<NameIndustry> NAME_INDUSTRIES = List.of(
			NameIndustry.of("government",
					List.of("city", "county", "state", "commonwealth", "department", "office", "town", "village"),
					"agency", "administration", "authority", "municipal", "federal", "government", "ministry",
					"county", "department", "public schools"),
			NameIndustry.of("healthcare", "nhs", "health", "healthcare", "hospital", "hospitals", "medical",
					"medicine", "clinic", "clinics", "pharma", "pharmaceuticals?", "therapeutics", "biotech", "bio",
					"biosciences", "life sciences", "care", "dental", "diagnostics", "oncology", "children's"),
			NameIndustry.of("finance", "bank", "bancorp", "bancshares", "banking", "financial", "finance", "capital",
					"credit union", "insurance", "assurance", "securities", "investments?", "fintech", "pay",
					"payments", "trust company", "mutual", "lending", "wealth", "asset management"),
			NameIndustry.of("telecommunications", "telecom", "telecommunications", "wireless", "mobile", "broadband",
					"cellular", "fiber", "telco"),
			NameIndustry.of("education", "university", "college", "school", "schools", "academy",
					"institute of technology", "education", "learning"),
			NameIndustry.of("defense-aerospace", "defense", "defence", "aerospace", "aviation", "space", "missiles?",
					"avionics"),
			NameIndustry.of("construction", "construction", "constructors", "builders", "building", "contractors",
					"homes"),
			NameIndustry.of("consulting", "consulting", "consultants", "consultancy", "advisory", "advisors"),
			NameIndustry.of("legal", "llp", "law", "legal", "attorneys"),
			NameIndustry.of("nonprofit", "foundation", "charity", "charities", "alliance", "society", "ministries",
					"relief", "united way", "habitat"),
			NameIndustry.of("retail", "retail", "stores", "mart", "market", "markets", "grocers?", "grocery",
					"outfitters", "shop", "shops", "apparel"),
			NameIndustry.of("manufacturing", "manufacturing", "industries", "industrial", "motors", "automotive",
					"steel", "chemicals?", "machinery", "plastics", "materials"),
			NameIndustry.of("technology", "software", "technologies", "technology", "tech", "labs", "systems",
					"cloud", "data", "ai", "digital", "networks", "computing", "semiconductor", "robotics",
					"analytics", "io"));

	/** Employers whose names say nothing of what they do: "Google", "Meta", "Lockheed Martin" ({@code known-employers.tsv}). */
	private static final Map<String, List<String>> KNOWN_EMPLOYERS = knownEmployers();

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** What may follow a known employer's name in a company name: "Meta Platforms, Inc.", "Google LLC", "Amazon.com". */
	private static final Set<String> NAME_SUFFIXES = Set.of("inc", "llc", "ltd", "limited", "corp", "corporation", "co",
			"company", "plc", "gmbh", "ag", "sa", "nv", "bv", "com", "platforms", "technologies", "group", "holdings",
			"usa", "us", "uk", "india", "international", "global");

	/** The words of {@link #NAME_INDUSTRIES}, each in the group of its industry's place in the list. */
	private static final AsciiWords NAME_WORDS = AsciiWords.grouped(NAME_INDUSTRIES.stream().map(NameIndustry::words).toList());

	/**
	 * What an employer that builds technology says about itself ("an AI-powered analytics platform", "a fintech
	 * company"). Such an employer is in technology, after its own domain when it has one (fintech: finance first).
	 */
	private static final Pattern TECHNOLOGY_EMPLOYER = Pattern.compile(
			"(?=[acdefhilmoprst])\\b(software|saas|platforms?|apps?|cloud|apis?|ai[- ]powered|ai[- ]native|machine learning|developers?|fintech|edtech|healthtech|insurtech|proptech|legaltech|regtech|digital health|analytics|observability|databases?|compute|technology company|tech company|internet company|open[- ]source|cybersecurity|devices|semiconductors?|chips?)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Every match of {@link #TECHNOLOGY_EMPLOYER} holds one of these. */
	private static final AsciiWords TECHNOLOGY_WORDS = new AsciiWords("software", "saas", "platform", "app", "cloud", "api",
			"powered", "native", "machine learning", "developer", "fintech", "edtech", "healthtech", "insurtech", "proptech",
			"legaltech", "regtech", "digital health", "analytics", "observability", "database", "compute", "technology company",
			"tech company", "internet company", "source", "cybersecurity", "devices", "semiconductor", "chip");

	/** A technology employer's weight: enough to be listed second, less than any domain said twice about it. */
	private static final int TECHNOLOGY_EMPLOYER_WEIGHT = 4;

	private static final Pattern CLIENT_SENTENCE = Pattern.compile("\\b(our|a|the) client\\b|\\bon behalf of\\b|\\bclient,? (is )?(a|an|the)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Every match of {@link #CLIENT_SENTENCE} holds one of these words (most sentences hold none). */
	private static final String[] CLIENT_WORDS = { "client", "behalf" };

	/**
	 * A match of the first branch of {@link #CUSTOMERS_BEFORE} starts with one of these words, at most 61 characters
	 * before the end: the word (10 at most), up to 50 more, and a line break "$" may stand before.
	 */
	private static final String[] CUSTOMERS_WORDS = { "client", "customer", "sold", "sell", "used by", "trusted by",
			"brands are", "partner", "industries", "sectors" };

	private static final int CUSTOMERS_REACH = 64;

	/** How far into a sentence {@link #IDENTITY} looks for its "is" or "are". */
	private static final int IDENTITY_REACH = 60;

	/** What follows the "is" or "are" of {@link #IDENTITY}. */
	private static final String[] ARTICLES = { "a", "an", "the", "one of" };

	private Industries() {
	}

	/** The industry tags (already found in the text, boilerplate left out), ranked; "other" when there are none. */
	static List<Tag> rank(List<Tag> found, String text, String company, Sections sections, Map<String, String> labels,
			List<Tag> technical) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		Map<String, Tag> tags = new LinkedHashMap<>();
		String companyLower = (company != null) ? company.toLowerCase(Locale.ROOT) : null;
		boolean staffing = companyLower != null && isStaffing(companyLower);
		// What the posting says about the employer itself (name, about us), apart from what the role touches.
		Map<String, Integer> employerWeights = new LinkedHashMap<>();
		Reading reading = new Reading(text, sections.lower());
		for (Tag tag : found) {
			int weight = 0;
			for (Evidence each : tag.evidence()) {
				int one = weight(reading, each, sections);
				weight += one;
				if (one >= ABOUT_WEIGHT) {
					employerWeights.merge(tag.id(), one, Integer::sum);
				}
			}
			weights.put(tag.id(), weight);
			tags.put(tag.id(), tag);
		}
		if (company != null && !company.isBlank() && !staffing) {
			String name = companyLower.replace('.', ' ').replace(',', ' ').strip();
			List<String> knownIndustries = knownEmployer(name);
			int nameWeight = NAME_WEIGHT;
			for (String id : (knownIndustries != null) ? knownIndustries : industriesNamed(name)) {
				// "Defense Systems", "Automotive Systems": the weak technology word after a real industry says nothing.
				if (!(id.equals("technology") && nameWeight < NAME_WEIGHT)) {
					employerWeights.merge(id, nameWeight, Integer::sum);
					// "Digital", "Systems", "Data" in a name say less than "Bank" or "Hospital"; "Google" says all.
					weights.merge(id, (id.equals("technology") && knownIndustries == null) ? Math.min(nameWeight, SECONDARY_MIN)
							: nameWeight, Integer::sum);
					// "County Health Department": government first, then healthcare.
					nameWeight = SECONDARY_MIN;
					Evidence byName = evidenceOfName(text, company);
					Tag known = tags.get(id);
					List<Evidence> evidence = new ArrayList<>();
					evidence.add(byName);
					if (known != null) {
						evidence.addAll(known.evidence());
					}
					tags.put(id, new Tag("industries", id, labels.getOrDefault(id, id),
							evidence.subList(0, Math.min(5, evidence.size()))));
				}
			}
		}
		// A bank's "online platform" does not make it a technology employer; "an AI-powered analytics platform" does.
		boolean otherIndustry = employerWeights.keySet().stream().anyMatch((id) -> !id.equals("technology"));
		Evidence technologyEmployer = technologyEmployer(reading, sections, otherIndustry);
		if (technologyEmployer != null && weights.getOrDefault("technology", 0) < TECHNOLOGY_EMPLOYER_WEIGHT) {
			weights.put("technology", TECHNOLOGY_EMPLOYER_WEIGHT);
			Tag known = tags.get("technology");
			tags.put("technology", new Tag("industries", "technology", labels.getOrDefault("technology", "Technology"),
					(known != null) ? known.evidence() : List.of(technologyEmployer)));
		}
		List<String> ranked = new ArrayList<>(weights.keySet());
		// On equal weight the employer's own domain goes first: a fintech is finance, then technology.
		ranked.sort((one, other) -> {
			int byWeight = Integer.compare(weights.get(other), weights.get(one));
			if (byWeight != 0) {
				return byWeight;
			}
			int byTechnology = Boolean.compare(one.equals("technology"), other.equals("technology"));
			return (byTechnology != 0) ? byTechnology : Integer.compare(firstStart(tags.get(one)), firstStart(tags.get(other)));
		});
		List<Tag> result = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			String id = ranked.get(i);
			// Non-profit is how a hospital or a school is run, not a second line of business.
			if (i == 0 || (weights.get(id) >= SECONDARY_MIN && !id.equals("nonprofit"))) {
				result.add(tags.get(id));
			}
		}
		if (result.isEmpty() && technical.size() >= 2) {
			// Nothing names the employer's industry, but its own work is software, cloud, data...: a technology employer.
			result.add(new Tag("industries", "technology", labels.getOrDefault("technology", "Technology"),
					List.of(technical.get(0).evidence().get(0))));
		}
		if (result.isEmpty()) {
			// Nothing says what the employer does: "other", shown with the employer's name as what was looked at.
			Evidence looked = (company != null && !company.isBlank()) ? evidenceOfName(text, company)
					: new Evidence("", -1, -1);
			result.add(new Tag("industries", "other", labels.getOrDefault("other", "Other"), List.of(looked)));
		}
		return result;
	}

	/** Whether the lower-case name is a staffing agency's. */
	static boolean isStaffing(String companyLower) {
		return STAFFING_WORDS.within(companyLower, 0, companyLower.length()) && STAFFING_NAME.matcher(companyLower).matches();
	}

	/**
	 * The industries of a known employer, by its name (lower case, dots and commas as spaces), with the legal and
	 * corporate words after it left out; null for any other name.
	 */
	static List<String> knownEmployer(String name) {
		List<String> words = new ArrayList<>(Arrays.asList(SPACES.split(name.replace('(', ' ').replace(')', ' ').strip())));
		while (!words.isEmpty()) {
			List<String> industries = KNOWN_EMPLOYERS.get(String.join(" ", words));
			if (industries != null) {
				return industries;
			}
			if (!NAME_SUFFIXES.contains(words.get(words.size() - 1))) {
				return null;
			}
			words.remove(words.size() - 1);
		}
		return null;
	}

	private static Map<String, List<String>> knownEmployers() {
		Map<String, List<String>> employers = new HashMap<>();
		try (InputStream in = Industries.class.getResourceAsStream("/classify/known-employers.tsv")) {
			if (in == null) {
				throw new IOException("classify/known-employers.tsv is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				if (columns.length != 2) {
					throw new IOException("classify/known-employers.tsv: expected a name and its industries, tab-separated: " + line);
				}
				employers.put(columns[0].strip(), List.of(columns[1].strip().split(",")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(employers);
	}

	/**
	 * The industries whose words the lower-case name holds, in the order of {@link #NAME_INDUSTRIES}. One pass over
	 * the name tells which industries' words it holds; only their expressions run.
	 */
	static List<String> industriesNamed(String name) {
		int said = NAME_WORDS.groupsWithin(name, 0, name.length());
		List<String> named = new ArrayList<>();
		for (int i = 0; i < NAME_INDUSTRIES.size(); i++) {
			NameIndustry industry = NAME_INDUSTRIES.get(i);
			if ((said & (1 << i)) != 0 && industry.pattern().matcher(name).find()) {
				named.add(industry.id());
			}
		}
		return named;
	}

	private static int weight(Reading reading, Evidence evidence, Sections sections) {
		if (evidence.start() < 0) {
			return NAME_WEIGHT;
		}
		String text = reading.text();
		int at = evidence.start();
		int sentenceStart = Sentences.start(text, at);
		int sentenceEnd = Sentences.end(text, at);
		if (namesClient(reading, sentenceStart, sentenceEnd)) {
			return CLIENT_WEIGHT;
		}
		Sections.Line line = sections.lineAt(at);
		boolean aboutEmployer = line.kind() == Kind.ABOUT || line.aboutEmployer();
		boolean customers = customersBefore(reading, sentenceStart, at);
		if (!customers && (aboutEmployer || line.kind() == Kind.INTRO)
				&& statesIdentityAt(reading, sentenceStart, sentenceEnd, at)) {
			return IDENTITY_WEIGHT;
		}
		if (customers) {
			return 0;
		}
		return aboutEmployer ? ABOUT_WEIGHT : BODY_WEIGHT;
	}

	/** Whether {@link #CLIENT_SENTENCE} finds a match in the sentence text[from, to). */
	static boolean namesClient(Reading reading, int from, int to) {
		return firstIndexOfAny(reading.folded().substring(from, to), CLIENT_WORDS) >= 0
				&& CLIENT_SENTENCE.matcher(reading.text().substring(from, to)).find();
	}

	/** Where the first of the words stands in the lower-case text, or -1. */
	private static int firstIndexOfAny(String lower, String[] words) {
		int first = -1;
		for (String word : words) {
			int at = lower.indexOf(word);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		return first;
	}

	/**
	 * Whether the sentence text[from, to) says what the employer is ({@link #IDENTITY}) in words that hold the
	 * offset {@code at}, from its "is" or "are" on.
	 */
	static boolean statesIdentityAt(Reading reading, int from, int to, int at) {
		if (!mayStateIdentity(reading.text(), from, to, Math.min(IDENTITY_REACH, at - from))) {
			return false;
		}
		int[] identity = reading.identity(from, to);
		return identity != null && at - from >= identity[0] && at - from < identity[1];
	}

	/**
	 * Whether {@link #CUSTOMERS_BEFORE} finds a match in text[from, to). It runs only where a match can start: at one
	 * of the words of its first branch near the end, or among the last six words when "for" is one of the last four,
	 * as its second branch ends.
	 */
	static boolean customersBefore(Reading reading, int from, int to) {
		String text = reading.text();
		int reach = Math.max(from, to - CUSTOMERS_REACH);
		int word = firstIndexOfAny(reading.folded().substring(reach, to), CUSTOMERS_WORDS);
		int near = (word >= 0) ? reach + word : -1;
		int forWords = forAmongLastWords(text, from, to) ? lastWordsStart(text, from, to, 6) : -1;
		if (near < 0 && forWords < 0) {
			return false;
		}
		int start = (near < 0) ? forWords : (forWords < 0) ? near : Math.min(near, forWords);
		String before = text.substring(from, to);
		// Transparent bounds: "\b" at the start sees the character before it, as a search of all of it does.
		return CUSTOMERS_BEFORE.matcher(before).region(start - from, before.length()).useTransparentBounds(true).find();
	}

	/**
	 * Whether "for", in any ASCII case, is one of the last four words of text[from, to), words made of the
	 * characters of {@code [\w'’-]}: a match of the second branch of {@link #CUSTOMERS_BEFORE} ends with "for" and
	 * at most three such words, each followed by white space.
	 */
	private static boolean forAmongLastWords(String text, int from, int to) {
		int at = to;
		for (int words = 0; words < 4; words++) {
			int end = skipNonWord(text, from, at);
			int start = skipWord(text, from, end);
			if (start == end) {
				return false;
			}
			if (end - start == 3 && (text.charAt(start) | 0x20) == 'f' && (text.charAt(start + 1) | 0x20) == 'o'
					&& (text.charAt(start + 2) | 0x20) == 'r') {
				return true;
			}
			at = start;
		}
		return false;
	}

	/**
	 * Where the last {@code count} words of text[from, to) start (words as {@link #forAmongLastWords} reads them),
	 * or {@code from} when it has fewer: the second branch of {@link #CUSTOMERS_BEFORE} starts at most two words
	 * before its "for".
	 */
	private static int lastWordsStart(String text, int from, int to, int count) {
		int at = to;
		for (int words = 0; words < count; words++) {
			int end = skipNonWord(text, from, at);
			int start = skipWord(text, from, end);
			if (start == end) {
				return from;
			}
			at = start;
		}
		return at;
	}

	/** Back from {@code at} over the characters that are not in words, no further than {@code from}. */
	private static int skipNonWord(String text, int from, int at) {
		while (at > from && !isWordOfCustomers(text.charAt(at - 1))) {
			at--;
		}
		return at;
	}

	/** Back from {@code at} over the characters of a word, no further than {@code from}. */
	private static int skipWord(String text, int from, int at) {
		while (at > from && isWordOfCustomers(text.charAt(at - 1))) {
			at--;
		}
		return at;
	}

	private static boolean isWordOfCustomers(char each) {
		return isAsciiWordCharacter(each) || each == '\'' || each == '’' || each == '-';
	}

	/**
	 * Whether text[from, to) has what {@link #IDENTITY} needs: "is" or "are" starting a word, or "'re", at most
	 * {@code reach} characters in, then white space and "a", "an", "the" or "one of" ending a word.
	 */
	private static boolean mayStateIdentity(String text, int from, int to, int reach) {
		int last = Math.min(from + reach, to - 1);
		for (int at = from; at <= last; at++) {
			char first = text.charAt(at);
			int length;
			if ((first | 0x20) == 'i' && startsWord(text, from, at) && followedBy(text, at + 1, to, "s")) {
				length = 2;
			}
			else if (((first | 0x20) == 'a' && startsWord(text, from, at)) || first == '\'' || first == '’') {
				length = followedBy(text, at + 1, to, "re") ? 3 : 0;
			}
			else {
				continue;
			}
			if (length > 0 && at + length < to && isSpace(text.charAt(at + length))
					&& articleAfter(text, at + length, to)) {
				return true;
			}
		}
		return false;
	}

	/** Whether white space from {@code at} is followed by "a", "an", "the" or "one of", then no ASCII word character. */
	private static boolean articleAfter(String text, int at, int to) {
		int word = at;
		while (word < to && isSpace(text.charAt(word))) {
			word++;
		}
		for (String article : ARTICLES) {
			int end = word + article.length();
			if (followedBy(text, word, to, article) && (end == to || !isAsciiWordCharacter(text.charAt(end)))) {
				return true;
			}
		}
		return false;
	}

	/** Whether no ASCII letter, digit or "_" comes before {@code at}: else "\b" cannot hold there. */
	private static boolean startsWord(String text, int from, int at) {
		return at == from || !isAsciiWordCharacter(text.charAt(at - 1));
	}

	/** An ASCII letter, digit or "_": a word character for "\\b" and "\\w" alike. */
	private static boolean isAsciiWordCharacter(char each) {
		return (each >= 'a' && each <= 'z') || (each >= 'A' && each <= 'Z') || (each >= '0' && each <= '9') || each == '_';
	}

	/** Whether text[at, to) starts with the lower-case letters, in any ASCII case. */
	private static boolean followedBy(String text, int at, int to, String letters) {
		if (at + letters.length() > to) {
			return false;
		}
		for (int i = 0; i < letters.length(); i++) {
			if ((text.charAt(at + i) | 0x20) != letters.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** The characters of "\s": space, tab, line feed, vertical tab, form feed, carriage return. */
	private static boolean isSpace(char each) {
		return each == ' ' || (each >= '\t' && each <= '\r');
	}

	/**
	 * Where the employer says it builds technology: in what it says it is ("Ledgerline is a fintech company"), or
	 * anywhere in its about-us text when nothing else names its industry.
	 */
	private static Evidence technologyEmployer(Reading reading, Sections sections, boolean otherIndustry) {
		for (Sections.Line line : sections.lines()) {
			if (line.heading() || !(line.kind() == Kind.ABOUT || line.aboutEmployer())) {
				continue;
			}
			if (otherIndustry) {
				Evidence found = technologyIdentity(reading, line);
				if (found != null) {
					return found;
				}
				continue;
			}
			Evidence found = technologyIn(reading.text(), line);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** The first words of a technology employer in the line, or null. */
	static Evidence technologyIn(String text, Sections.Line line) {
		if (!TECHNOLOGY_WORDS.within(text, line.start(), line.end())) {
			return null;
		}
		Matcher found = TECHNOLOGY_EMPLOYER.matcher(text.substring(line.start(), line.end()));
		return found.find() ? new Evidence(found.group(), line.start() + found.start(), line.start() + found.end()) : null;
	}

	/**
	 * The first sentence of the line (split after ".", "!" or "?" and white space) that says the employer is a
	 * technology one.
	 */
	static Evidence technologyIdentity(Reading reading, Sections.Line line) {
		String text = reading.text();
		int sentenceStart = line.start();
		int at = line.start();
		while (true) {
			boolean lineEnd = at == line.end();
			if (lineEnd || (at > line.start() && isSpace(text.charAt(at)) && isBreakStop(text.charAt(at - 1)))) {
				Evidence found = technologyStated(reading, line, sentenceStart, at);
				if (found != null || lineEnd) {
					return found;
				}
				// The break is all the white space after the stop.
				while (at < line.end() && isSpace(text.charAt(at))) {
					at++;
				}
				sentenceStart = at;
			}
			else {
				at++;
			}
		}
	}

	/**
	 * The words of a technology employer in what the sentence text[from, to) of the line says the employer is, or
	 * null. Only a sentence with an "is" or "are" near its start is given to {@link #IDENTITY}.
	 */
	private static Evidence technologyStated(Reading reading, Sections.Line line, int from, int to) {
		String text = reading.text();
		int[] identity = mayStateIdentity(text, from, to, IDENTITY_REACH) ? reading.identity(from, to) : null;
		// The expression starts at the sentence's start ("^"): what it found is the sentence up to its end.
		int end = (identity != null) ? from + identity[1] : from;
		if (identity == null || !TECHNOLOGY_WORDS.within(text, from, end)) {
			return null;
		}
		Matcher found = TECHNOLOGY_EMPLOYER.matcher(text.substring(from, end));
		if (!found.find()) {
			return null;
		}
		// Where the sentence's words first stand in the line, as they were looked up before.
		int offset = line.start() + text.substring(line.start(), line.end()).indexOf(text.substring(from, to))
				+ found.start();
		return new Evidence(found.group(), offset, offset + found.group().length());
	}

	private static boolean isBreakStop(char each) {
		return each == '.' || each == '!' || each == '?';
	}

	/** The employer's name where the text mentions it, else the name alone (offsets -1: not in the text). */
	private static Evidence evidenceOfName(String text, String company) {
		int at = text.indexOf(company.strip());
		return (at >= 0) ? new Evidence(company.strip(), at, at + company.strip().length())
				: new Evidence(company.strip(), -1, -1);
	}

	/** The first offset of the tag's evidence in the text, or -1 when none has one. */
	private static int firstStart(Tag tag) {
		int first = -1;
		for (Evidence each : tag.evidence()) {
			if (each.start() >= 0 && (first < 0 || each.start() < first)) {
				first = each.start();
			}
		}
		return first;
	}

	/**
	 * One posting's text as the rules read it: with its ASCII letters lowered at the same offsets, where the guard
	 * words of the expressions (which ignore ASCII case only) are looked up with {@link String#indexOf}; and what
	 * {@link #IDENTITY} found in each sentence, which several mentions and the technology check often ask again.
	 */
	static final class Reading {

		private static final int[] NO_IDENTITY = {};

		private final String text;

		private final String folded;

		private final Map<Long, int[]> identities = new HashMap<>();

		/**
		 * @param lower the text lowered with {@code Locale.ROOT}: it keeps every offset unless the text holds "İ",
		 * and then a copy with only A to Z lowered stands in for it
		 */
		Reading(String text, String lower) {
			this.text = text;
			this.folded = (lower.length() == text.length()) ? lower : asciiLowerCase(text);
		}

		String text() {
			return this.text;
		}

		String folded() {
			return this.folded;
		}

		/** Where group 1 of {@link #IDENTITY} starts and where its match ends in text[from, to), or null. */
		int[] identity(int from, int to) {
			int[] found = this.identities.computeIfAbsent(((long) from << 32) | to, (key) -> {
				Matcher identity = IDENTITY.matcher(this.text.substring(from, to));
				return identity.find() ? new int[] { identity.start(1), identity.end() } : NO_IDENTITY;
			});
			return (found != NO_IDENTITY) ? found : null;
		}

		private static String asciiLowerCase(String text) {
			char[] chars = text.toCharArray();
			for (int i = 0; i < chars.length; i++) {
				if (chars[i] >= 'A' && chars[i] <= 'Z') {
					chars[i] += 'a' - 'A';
				}
			}
			return new String(chars);
		}

	}

	/**
	 * Lower-case words looked for ignoring ASCII case, as the expressions built with {@code CASE_INSENSITIVE} match
	 * them. One pass over the text; at each offset only the words starting with its two characters are compared.
	 */
	private static final class AsciiWords {

		private static final int SLOTS = 1024;

		private final String[][] words = new String[SLOTS][];

		private final int[][] groups = new int[SLOTS][];

		/** The characters a word can start with, in either ASCII case, as bits: most are ruled out by one test. */
		private final long[] firsts = new long[2];

		AsciiWords(String... words) {
			for (String word : words) {
				add(word, 1);
			}
		}

		/** Words in groups (32 at most): {@link #groupsWithin} tells which groups a text holds a word of. */
		static AsciiWords grouped(List<List<String>> groups) {
			if (groups.size() > Integer.SIZE) {
				throw new IllegalArgumentException("At most 32 groups of words, not " + groups.size());
			}
			AsciiWords words = new AsciiWords();
			for (int i = 0; i < groups.size(); i++) {
				for (String word : groups.get(i)) {
					words.add(word, 1 << i);
				}
			}
			return words;
		}

		private void add(String word, int group) {
			if (word.length() < 2 || word.chars().anyMatch((each) -> each >= 128 || (each | 0x20) != each)) {
				throw new IllegalArgumentException("A guard word must be two or more lower-case ASCII characters: " + word);
			}
			char first = word.charAt(0);
			this.firsts[first >> 6] |= 1L << first;
			if (first >= 'a' && first <= 'z') {
				char upper = (char) (first - ('a' - 'A'));
				this.firsts[upper >> 6] |= 1L << upper;
			}
			int slot = slot(first, word.charAt(1));
			String[] known = this.words[slot];
			int index = (known != null) ? Arrays.asList(known).indexOf(word) : -1;
			if (index >= 0) {
				this.groups[slot][index] |= group;
				return;
			}
			int size = (known != null) ? known.length : 0;
			this.words[slot] = (known != null) ? Arrays.copyOf(known, size + 1) : new String[1];
			this.groups[slot] = (known != null) ? Arrays.copyOf(this.groups[slot], size + 1) : new int[1];
			this.words[slot][size] = word;
			this.groups[slot][size] = group;
		}

		/**
		 * Where the words starting with a pair of characters are kept. A word's character is matched by itself and,
		 * for a letter, by its upper case: with 0x20 set, both give the word's character, so both find the slot.
		 */
		private static int slot(int first, int second) {
			return (((first | 0x20) * 31) + (second | 0x20)) & (SLOTS - 1);
		}

		/** Whether text[from, to) holds one of the words. */
		boolean within(String text, int from, int to) {
			for (int at = from; at <= to - 2; at++) {
				if (wordAt(text, at, to) != 0) {
					return true;
				}
			}
			return false;
		}

		/** The groups of all the words text[from, to) holds. */
		int groupsWithin(String text, int from, int to) {
			int found = 0;
			for (int at = from; at <= to - 2; at++) {
				found |= wordAt(text, at, to);
			}
			return found;
		}

		/** The groups of the words that start at {@code at} and end by {@code to}, 0 for none. */
		private int wordAt(String text, int at, int to) {
			char first = text.charAt(at);
			if (first >= 128 || (this.firsts[first >> 6] & (1L << first)) == 0) {
				return 0;
			}
			char second = text.charAt(at + 1);
			if (second >= 128) {
				return 0;
			}
			int slot = slot(first, second);
			String[] candidates = this.words[slot];
			if (candidates == null) {
				return 0;
			}
			int found = 0;
			for (int i = 0; i < candidates.length; i++) {
				if (matchesAt(text, at, to, candidates[i])) {
					found |= this.groups[slot][i];
				}
			}
			return found;
		}

		private static boolean matchesAt(String text, int at, int to, String word) {
			if (at + word.length() > to) {
				return false;
			}
			for (int i = 0; i < word.length(); i++) {
				char expected = word.charAt(i);
				char each = text.charAt(at + i);
				if (each != expected && !(expected >= 'a' && expected <= 'z' && each == expected - ('a' - 'A'))) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * An industry an employer's name says: an expression finding any of its words as a whole word, and the words
	 * every match holds.
	 */
	private record NameIndustry(String id, Pattern pattern, List<String> words) {

		static NameIndustry of(String id, String... words) {
			return new NameIndustry(id, Pattern.compile("\\b(" + String.join("|", words) + ")\\b"), literals(List.of(words)));
		}

		/** Also the words that, leading the name, say it with "of" after them ("City of Austin"). */
		static NameIndustry of(String id, List<String> leading, String... words) {
			List<String> all = new ArrayList<>(leading);
			all.addAll(List.of(words));
			return new NameIndustry(id,
					Pattern.compile("^(" + String.join("|", leading) + ") of\\b|\\b(" + String.join("|", words) + ")\\b"),
					literals(all));
		}

		/** The words without a final optional "s" ("grocers?"): what every match holds. */
		private static List<String> literals(List<String> words) {
			List<String> literals = new ArrayList<>();
			for (String word : words) {
				String stem = word.endsWith("s?") ? word.substring(0, word.length() - 2) : word;
				if (!stem.matches("[a-z' ]+")) {
					throw new IllegalArgumentException("A name word must be letters, spaces and \"'\", or end with \"s?\": " + word);
				}
				literals.add(stem);
			}
			return literals;
		}

	}

}
