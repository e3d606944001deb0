package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.matcher.classify.Sections.Kind;
import dev.tpmalerts.shared.Evidence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The industry rules run their expressions only where a match can be. Each check is compared here with the plain
 * expression it stands for, copied as it was before the guards, on many texts made of the pieces the expressions
 * look for, so the two cannot drift apart.
 */
class IndustriesTest {

	private static final Pattern STAFFING_NAME = Pattern
		.compile(".*\\b(staffing|recruit(ing|ment|ers)?|talent|search|personnel|workforce|careers|resources group)\\b.*");

	private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+");

	private static final Pattern IDENTITY = Pattern.compile(
			"^[^.;:]{0,60}?\\b(is|are|'re|’re)\\s+(a|an|the|one of)\\b[^.;:]{0,100}?(?=\\b(that|which|who|whose|where|delivering|building|builds|serving|serves|helping|helps|providing|provides|offering|offers|selling|sells|making|makes|producing|operating|running|powering|for|with|to|across|from|based in|headquartered|dedicated|focused|committed|on a mission)\\b|[.;:,]|$)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CUSTOMERS_BEFORE = Pattern.compile(
			"\\b(clients|customers|sold|sells|selling|used by|trusted by|brands are|partners|industries|sectors)\\b[^.;:]{0,50}$"
					+ "|\\b(software|platforms?|solutions?|tools|products|apps?|technology|services)\\s+(built\\s+|designed\\s+|made\\s+)?for\\s+([\\w'’-]+\\s+){0,3}$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TECHNOLOGY_EMPLOYER = Pattern.compile(
			"\\b(software|saas|platforms?|apps?|cloud|apis?|ai[- ]powered|ai[- ]native|machine learning|developers?|fintech|edtech|healthtech|insurtech|proptech|legaltech|regtech|digital health|analytics|observability|databases?|compute|technology company|tech company|internet company|open[- ]source|cybersecurity|devices|semiconductors?|chips?)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CLIENT_SENTENCE = Pattern.compile(
			"\\b(our|a|the) client\\b|\\bon behalf of\\b|\\bclient,? (is )?(a|an|the)\\b", Pattern.CASE_INSENSITIVE);

	private static final Map<String, Pattern> NAME_WORDS = new LinkedHashMap<>();

	static {
		NAME_WORDS.put("government", Pattern.compile("^(city|county|state|commonwealth|department|office|town|village) of\\b|\\b(agency|administration|authority|municipal|federal|government|ministry|county|department|public schools)\\b"));
		NAME_WORDS.put("healthcare", Pattern.compile(
				"\\b(nhs|health|healthcare|hospital|hospitals|medical|medicine|clinic|clinics|pharma|pharmaceuticals?|therapeutics|biotech|bio|biosciences|life sciences|care|dental|diagnostics|oncology|children's)\\b"));
		NAME_WORDS.put("finance", Pattern.compile(
				"\\b(bank|bancorp|bancshares|banking|financial|finance|capital|credit union|insurance|assurance|securities|investments?|fintech|pay|payments|trust company|mutual|lending|wealth|asset management)\\b"));
		NAME_WORDS.put("telecommunications", Pattern.compile("\\b(telecom|telecommunications|wireless|mobile|broadband|cellular|fiber|telco)\\b"));
		NAME_WORDS.put("education", Pattern.compile("\\b(university|college|school|schools|academy|institute of technology|education|learning)\\b"));
		NAME_WORDS.put("defense-aerospace", Pattern.compile("\\b(defense|defence|aerospace|aviation|space|missiles?|avionics)\\b"));
		NAME_WORDS.put("construction", Pattern.compile("\\b(construction|constructors|builders|building|contractors|homes)\\b"));
		NAME_WORDS.put("consulting", Pattern.compile("\\b(consulting|consultants|consultancy|advisory|advisors)\\b"));
		NAME_WORDS.put("legal", Pattern.compile("\\b(llp|law|legal|attorneys)\\b"));
		NAME_WORDS.put("nonprofit", Pattern.compile("\\b(foundation|charity|charities|alliance|society|ministries|relief|united way|habitat)\\b"));
		NAME_WORDS.put("retail", Pattern.compile("\\b(retail|stores|mart|market|markets|grocers?|grocery|outfitters|shop|shops|apparel)\\b"));
		NAME_WORDS.put("manufacturing", Pattern.compile("\\b(manufacturing|industries|industrial|motors|automotive|steel|chemicals?|machinery|plastics|materials)\\b"));
		NAME_WORDS.put("technology", Pattern.compile("\\b(software|technologies|technology|tech|labs|systems|cloud|data|ai|digital|networks|computing|semiconductor|robotics|analytics|io)\\b"));
	}

	/** What separates and surrounds words: every kind of white space, line break and stop the expressions know. */
	private static final String[] SEPARATORS = { " ", " ", " ", "  ", "\t", "\r", "\n", "\u000B", "\f", "\u0085", "\u2028",
			".", ". ", "!", "? ", ";", ":", ",", ", ", "-", "'", "’", "_", "(", "" };

	/** Characters next to which a word may or may not stand as a word. */
	private static final String[] ODD = { "x", "X", "9", "é", "É", "\u0301", "\u212A", "\u0130", "ß", "中" };

	private static final String[] CUSTOMERS = { "clients", "Customers", "SOLD", "sells", "selling", "sell", "used by",
			"Trusted By", "brands are", "partners", "partner", "industries", "sectors", "software", "platforms", "platform",
			"Solutions", "solution", "tools", "products", "apps", "app", "technology", "services", "built", "designed",
			"made", "for", "FOR", "For", "fore", "forks", "retail", "hospitals", "in the", "banks and", "lorem ipsum dolor",
			"sit amet consectetur adipiscing elit sed do" };

	private static final String[] IDENTITIES = { "Acme", "Acme Corp", "We", "we", "is", "IS", "Is", "are", "ARE", "'re",
			"’re", "we're", "they’re", "a", "A", "an", "the", "THE", "one of", "One Of", "another", "this", "his", "isle",
			"area", "aren't", "leading", "fast-growing", "software", "company", "bank", "that", "which", "who", "for", "with",
			"to", "based in", "headquartered", "on a mission", "serving", "delivering", "lorem ipsum dolor sit amet",
			"consectetur adipiscing elit sed do eiusmod tempor" };

	private static final String[] SPACES = { " ", " ", "  ", "\t", "\u000B", "\f", "\r", "\u00A0", "" };

	private static final String[] VERBS = { "is", "Is", "are", "'re", "’re", "IS", "isn't", "was" };

	private static final String[] ARTICLES = { "a", "an", "The", "one of", "ONE OF", "another", "one", "the5" };

	private static final String[] CLIENTS = { "our client", "Our Client", "a client", "the client", "client", "clients",
			"client,", "client is", "client, is a", "client an", "the", "a", "an", "is", "on behalf of", "On Behalf Of",
			"behalf", "on behalf", "of", "our", "bank", "retail" };

	private static final String[] TECHNOLOGY = { "software", "SaaS", "platform", "platforms", "app", "apps", "apply",
			"cloud", "api", "apis", "rapid", "AI-powered", "ai powered", "AI-native", "ai native", "machine learning",
			"developer", "developers", "fintech", "edtech", "healthtech", "insurtech", "proptech", "legaltech", "regtech",
			"digital health", "analytics", "observability", "database", "databases", "compute", "computer",
			"technology company", "tech company", "internet company", "open-source", "open source", "source", "cybersecurity",
			"devices", "semiconductor", "semiconductors", "chip", "chips", "Acme", "is a", "are an", "we're the", "bank",
			"that", "for", "with", "company" };

	private static final String[] NAMES = { "city of", "county of", "state of", "department", "office of", "town",
			"village of", "agency", "public schools", "health", "hospitals", "pharmaceutical", "pharmaceuticals", "bio",
			"life sciences", "children's", "bank", "credit union", "investment", "investments", "pay", "trust company",
			"asset management", "telecom", "university", "institute of technology", "space", "missile", "missiles", "homes",
			"consulting", "llp", "law", "united way", "market", "grocer", "grocers", "grocerss", "chemical", "chemicals",
			"technologies", "tech", "ai", "io", "data", "staffing", "recruit", "recruiting", "recruiters", "talent",
			"search", "personnel", "workforce", "careers", "resources group", "acme", "northwind", "of", "&", "inc", "the" };

	@Test
	void shouldFindCustomersBeforeAMentionAsTheExpressionDid() {
		Random random = new Random(1);
		for (int i = 0; i < 50_000; i++) {
			String before = text(random, CUSTOMERS, 14);
			String prefix = text(random, CUSTOMERS, 2);
			String text = prefix + before + text(random, CUSTOMERS, 2);
			int from = prefix.length();
			int to = from + before.length();

			assertThat(Industries.customersBefore(reading(text), from, to)).as("\"%s\"", before)
				.isEqualTo(CUSTOMERS_BEFORE.matcher(before).find());
		}
	}

	@Test
	void shouldFindWhatTheEmployerIsAsTheExpressionDid() {
		Random random = new Random(2);
		for (int i = 0; i < 50_000; i++) {
			// Half the sentences are built to say what the employer is, the other half are words at random.
			String sentence = (random.nextBoolean()) ? text(random, IDENTITIES, 12)
					: text(random, IDENTITIES, 3) + pick(random, VERBS) + pick(random, SPACES) + pick(random, ARTICLES)
							+ pick(random, SPACES) + text(random, IDENTITIES, 8);
			String prefix = text(random, IDENTITIES, 2);
			String text = prefix + sentence + text(random, IDENTITIES, 2);
			int from = prefix.length();
			int at = from + random.nextInt(sentence.length() + 1);

			Matcher identity = IDENTITY.matcher(sentence);
			boolean expected = identity.find() && at - from >= identity.start(1) && at - from < identity.end();
			assertThat(Industries.statesIdentityAt(reading(text), from, from + sentence.length(), at))
				.as("\"%s\" at %d", sentence, at - from)
				.isEqualTo(expected);
		}
	}

	@Test
	void shouldFindClientSentencesAsTheExpressionDid() {
		Random random = new Random(3);
		for (int i = 0; i < 50_000; i++) {
			String sentence = text(random, CLIENTS, 8);
			String prefix = text(random, CLIENTS, 2);
			String text = prefix + sentence + text(random, CLIENTS, 2);

			assertThat(Industries.namesClient(reading(text), prefix.length(), prefix.length() + sentence.length()))
				.as("\"%s\"", sentence)
				.isEqualTo(CLIENT_SENTENCE.matcher(sentence).find());
		}
	}

	@Test
	void shouldFindATechnologyEmployerInALineAsTheExpressionsDid() {
		Random random = new Random(4);
		for (int i = 0; i < 50_000; i++) {
			String content = text(random, TECHNOLOGY, 14).replace("\n", " ");
			String prefix = text(random, TECHNOLOGY, 3).replace("\n", " ") + "\n";
			String text = prefix + content + "\n" + text(random, TECHNOLOGY, 3);
			Sections.Line line = new Sections.Line(prefix.length(), prefix.length() + content.length(), Kind.ABOUT, false, true, false);

			assertThat(Industries.technologyIdentity(reading(text), line)).as("\"%s\"", content)
				.isEqualTo(technologyIdentity(content, line.start()));
			assertThat(Industries.technologyIn(text, line)).as("\"%s\"", content)
				.isEqualTo(technologyIn(content, line.start()));
		}
	}

	@Test
	void shouldReadIndustriesAndStaffingFromNamesAsTheExpressionsDid() {
		Random random = new Random(5);
		for (int i = 0; i < 50_000; i++) {
			String name = text(random, NAMES, 5);
			List<String> expected = new ArrayList<>();
			NAME_WORDS.forEach((id, pattern) -> {
				if (pattern.matcher(name).find()) {
					expected.add(id);
				}
			});

			assertThat(Industries.industriesNamed(name)).as("\"%s\"", name).isEqualTo(expected);
			assertThat(Industries.isStaffing(name)).as("\"%s\"", name).isEqualTo(STAFFING_NAME.matcher(name).matches());
		}
	}

	private static Industries.Reading reading(String text) {
		return new Industries.Reading(text, text.toLowerCase(Locale.ROOT));
	}

	/** The sentence-by-sentence search of an about-us line as it was, with the line's offset in the text. */
	private static Evidence technologyIdentity(String content, int lineStart) {
		for (String sentence : SENTENCE_BREAK.split(content)) {
			Matcher identity = IDENTITY.matcher(sentence);
			if (identity.find()) {
				Matcher found = TECHNOLOGY_EMPLOYER.matcher(identity.group());
				if (found.find()) {
					int at = lineStart + content.indexOf(sentence) + found.start();
					return new Evidence(found.group(), at, at + found.group().length());
				}
			}
		}
		return null;
	}

	private static Evidence technologyIn(String content, int lineStart) {
		Matcher found = TECHNOLOGY_EMPLOYER.matcher(content);
		return found.find() ? new Evidence(found.group(), lineStart + found.start(), lineStart + found.end()) : null;
	}

	private static String pick(Random random, String[] words) {
		return words[random.nextInt(words.length)];
	}

	/** Up to {@code pieces} words, each with a separator, now and then an odd character stuck to a word. */
	private static String text(Random random, String[] words, int pieces) {
		StringBuilder text = new StringBuilder();
		int count = random.nextInt(pieces + 1);
		for (int i = 0; i < count; i++) {
			if (random.nextInt(8) == 0) {
				text.append(ODD[random.nextInt(ODD.length)]);
			}
			text.append(words[random.nextInt(words.length)]);
			if (random.nextInt(8) == 0) {
				text.append(ODD[random.nextInt(ODD.length)]);
			}
			text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
		}
		return text.toString();
	}

}
