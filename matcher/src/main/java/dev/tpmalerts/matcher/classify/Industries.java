package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

	private static final Pattern NAME_PUNCTUATION = Pattern.compile("[.,]");

	private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+");

	private static final int NAME_WEIGHT = 6;

	private static final int CLIENT_WEIGHT = 6;

	private static final int ABOUT_WEIGHT = 3;

	/** "Northstar Foods is a family-owned food manufacturer": what the employer is, not whom it serves. */
	private static final int IDENTITY_WEIGHT = 8;

	// The noun phrase after "is a", up to what it does or whom it serves ("a general contractor delivering hospitals").
	private static final Pattern IDENTITY = Pattern.compile(
			"^[^.;:]{0,60}?\\b(is|are|'re|’re)\\s+(a|an|the|one of)\\b[^.;:]{0,100}?(?=\\b(that|which|who|whose|where|delivering|building|builds|serving|serves|helping|helps|providing|provides|offering|offers|selling|sells|making|makes|producing|operating|running|powering|for|with|to|across|from|based in|headquartered|dedicated|focused|committed|on a mission)\\b|[.;:,]|$)",
			Pattern.CASE_INSENSITIVE);

	/** "for clients in retail", "sold in 40,000 grocery stores": the industries of its customers. */
	private static final Pattern CUSTOMERS_BEFORE = Pattern.compile(
			"\\b(clients|customers|sold|sells|selling|used by|trusted by|brands are|partners|industries|sectors)\\b[^.;:]{0,50}$"
					+ "|\\b(software|platforms?|solutions?|tools|products|apps?|technology|services)\\s+(built\\s+|designed\\s+|made\\s+)?for\\s+([\\w'’-]+\\s+){0,3}$",
			Pattern.CASE_INSENSITIVE);

	private static final int BODY_WEIGHT = 1;

	/** A secondary industry is listed only when the posting says as much about it as this. */
	private static final int SECONDARY_MIN = 4;

	private static final Map<String, Pattern> NAME_WORDS = new LinkedHashMap<>();

	static {
		NAME_WORDS.put("government", Pattern.compile("^(city|county|state|commonwealth|department|office|town|village) of\\b|\\b(agency|administration|authority|municipal|federal|government|ministry|county|department|public schools)\\b"));
		NAME_WORDS.put("healthcare", Pattern.compile(
				"\\b(nhs|health|healthcare|hospital|hospitals|medical|medicine|clinic|clinics|pharma|pharmaceuticals?|therapeutics|biotech|bio|biosciences|life sciences|care|dental|diagnostics|oncology|children's)\\b"));
		NAME_WORDS.put("finance", Pattern.compile(
				"\\b(bank|bancorp|bancshares|banking|financial|finance|capital|credit union|insurance|assurance|securities|investments?|fintech|pay|payments|trust company|mutual|lending|wealth|asset management)\\b"));
		NAME_WORDS.put("telecommunications", Pattern.compile("\\b(telecom|telecommunications|wireless|mobile|broadband|cellular|fiber|telco)\\b"));
		NAME_WORDS.put("education", Pattern.compile("\\b(university|college|school|schools|academy|institute of technology|education|learning)\\b"));
		NAME_WORDS.put("defense-aerospace", Pattern.compile("\\b(defense|defence|aerospace|aviation|space|missiles?|dynamics|avionics)\\b"));
		NAME_WORDS.put("construction", Pattern.compile("\\b(construction|constructors|builders|building|contractors|homes)\\b"));
		NAME_WORDS.put("consulting", Pattern.compile("\\b(consulting|consultants|consultancy|advisory|advisors)\\b"));
		NAME_WORDS.put("legal", Pattern.compile("\\b(llp|law|legal|attorneys)\\b"));
		NAME_WORDS.put("nonprofit", Pattern.compile("\\b(foundation|charity|charities|alliance|society|ministries|relief|united way|habitat)\\b"));
		NAME_WORDS.put("retail", Pattern.compile("\\b(retail|stores|mart|market|markets|grocers?|grocery|outfitters|shop|shops|apparel)\\b"));
		NAME_WORDS.put("manufacturing", Pattern.compile("\\b(manufacturing|industries|industrial|motors|automotive|steel|chemicals?|machinery|plastics|materials)\\b"));
		NAME_WORDS.put("technology", Pattern.compile("\\b(software|technologies|technology|tech|labs|systems|cloud|data|ai|digital|networks|computing|semiconductor|robotics|analytics|io)\\b"));
	}

	/**
	 * What an employer that builds technology says about itself ("an AI-powered analytics platform", "a fintech
	 * company"). Such an employer is in technology, after its own domain when it has one (fintech: finance first).
	 */
	private static final Pattern TECHNOLOGY_EMPLOYER = Pattern.compile(
			"\\b(software|saas|platforms?|apps?|cloud|apis?|ai[- ]powered|ai[- ]native|machine learning|developers?|fintech|edtech|healthtech|insurtech|proptech|legaltech|regtech|digital health|analytics|observability|databases?|compute|technology company|tech company|internet company|open[- ]source|cybersecurity|devices|semiconductors?|chips?)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A technology employer's weight: enough to be listed second, less than any domain said twice about it. */
	private static final int TECHNOLOGY_EMPLOYER_WEIGHT = 4;

	private static final Pattern CLIENT_SENTENCE = Pattern.compile("\\b(our|a|the) client\\b|\\bon behalf of\\b|\\bclient,? (is )?(a|an|the)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Every match of {@link #CLIENT_SENTENCE} holds one of these words (most sentences hold none). */
	private static final String[] CLIENT_WORDS = { "client", "behalf" };

	/** Every match of {@link #CUSTOMERS_BEFORE} holds one of these words. */
	private static final String[] CUSTOMERS_WORDS = { "client", "customer", "sold", "sell", "used by", "trusted by",
			"brands are", "partner", "industries", "sectors", "for" };

	private Industries() {
	}

	/** The industry tags (already found in the text, boilerplate left out), ranked; "other" when there are none. */
	static List<Tag> rank(List<Tag> found, String text, String company, Sections sections, Map<String, String> labels,
			List<Tag> technical) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		Map<String, Tag> tags = new LinkedHashMap<>();
		boolean staffing = company != null && STAFFING_NAME.matcher(company.toLowerCase(Locale.ROOT)).matches();
		// What the posting says about the employer itself (name, about us), apart from what the role touches.
		Map<String, Integer> employerWeights = new LinkedHashMap<>();
		for (Tag tag : found) {
			int weight = 0;
			for (Evidence each : tag.evidence()) {
				int one = weight(text, each, sections);
				weight += one;
				if (one >= ABOUT_WEIGHT) {
					employerWeights.merge(tag.id(), one, Integer::sum);
				}
			}
			weights.put(tag.id(), weight);
			tags.put(tag.id(), tag);
		}
		if (company != null && !company.isBlank() && !staffing) {
			String name = NAME_PUNCTUATION.matcher(company.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
			int nameWeight = NAME_WEIGHT;
			for (Map.Entry<String, Pattern> entry : NAME_WORDS.entrySet()) {
				// "Defense Systems", "Automotive Systems": the weak technology word after a real industry says nothing.
				if (entry.getValue().matcher(name).find() && !(entry.getKey().equals("technology") && nameWeight < NAME_WEIGHT)) {
					String id = entry.getKey();
					employerWeights.merge(id, nameWeight, Integer::sum);
					// "Digital", "Systems", "Data" in a name say less than "Bank" or "Hospital".
					weights.merge(id, id.equals("technology") ? Math.min(nameWeight, SECONDARY_MIN) : nameWeight, Integer::sum);
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
		Evidence technologyEmployer = technologyEmployer(text, sections, otherIndustry);
		if (technologyEmployer != null && weights.getOrDefault("technology", 0) < TECHNOLOGY_EMPLOYER_WEIGHT) {
			weights.put("technology", TECHNOLOGY_EMPLOYER_WEIGHT);
			Tag known = tags.get("technology");
			tags.put("technology", new Tag("industries", "technology", labels.getOrDefault("technology", "Technology"),
					(known != null) ? known.evidence() : List.of(technologyEmployer)));
		}
		List<String> ranked = new ArrayList<>(weights.keySet());
		// On equal weight the employer's own domain goes first: a fintech is finance, then technology.
		ranked.sort(Comparator.comparingInt((String id) -> weights.get(id)).reversed()
			.thenComparing((String id) -> id.equals("technology"))
			.thenComparingInt((String id) -> firstStart(tags.get(id))));
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

	private static int weight(String text, Evidence evidence, Sections sections) {
		if (evidence.start() < 0) {
			return NAME_WEIGHT;
		}
		String sentence = Sentences.around(text, evidence.start());
		if (holdsAny(sentence, CLIENT_WORDS) && CLIENT_SENTENCE.matcher(sentence).find()) {
			return CLIENT_WEIGHT;
		}
		Sections.Line line = sections.lineAt(evidence.start());
		boolean aboutEmployer = line.kind() == Kind.ABOUT || line.aboutEmployer();
		int sentenceStart = Sentences.start(text, evidence.start());
		String before = text.substring(sentenceStart, evidence.start());
		if (aboutEmployer || line.kind() == Kind.INTRO) {
			Matcher identity = IDENTITY.matcher(text.substring(sentenceStart, Sentences.end(text, evidence.start())));
			if (identity.find() && evidence.start() - sentenceStart >= identity.start(1) && evidence.start() - sentenceStart < identity.end()
					&& !customersBefore(before)) {
				return IDENTITY_WEIGHT;
			}
		}
		if (customersBefore(before)) {
			return 0;
		}
		return aboutEmployer ? ABOUT_WEIGHT : BODY_WEIGHT;
	}

	private static boolean customersBefore(String before) {
		return holdsAny(before, CUSTOMERS_WORDS) && CUSTOMERS_BEFORE.matcher(before).find();
	}

	/**
	 * Whether the text holds one of the (lower-case) words, ignoring case: the expressions ignore ASCII case only,
	 * and lower-casing the text keeps every ASCII word they find.
	 */
	private static boolean holdsAny(String text, String[] words) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String word : words) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where the employer says it builds technology: in what it says it is ("Ledgerline is a fintech company"), or
	 * anywhere in its about-us text when nothing else names its industry.
	 */
	private static Evidence technologyEmployer(String text, Sections sections, boolean otherIndustry) {
		for (Sections.Line line : sections.lines()) {
			if (line.heading() || !(line.kind() == Kind.ABOUT || line.aboutEmployer())) {
				continue;
			}
			String content = text.substring(line.start(), line.end());
			if (otherIndustry) {
				for (String sentence : SENTENCE_BREAK.split(content)) {
					Matcher identity = IDENTITY.matcher(sentence);
					if (identity.find()) {
						Matcher found = TECHNOLOGY_EMPLOYER.matcher(identity.group());
						if (found.find()) {
							int at = line.start() + content.indexOf(sentence) + found.start();
							return new Evidence(found.group(), at, at + found.group().length());
						}
					}
				}
				continue;
			}
			Matcher found = TECHNOLOGY_EMPLOYER.matcher(content);
			if (found.find()) {
				return new Evidence(found.group(), line.start() + found.start(), line.start() + found.end());
			}
		}
		return null;
	}

	/** The employer's name where the text mentions it, else the name alone (offsets -1: not in the text). */
	private static Evidence evidenceOfName(String text, String company) {
		int at = text.indexOf(company.strip());
		return (at >= 0) ? new Evidence(company.strip(), at, at + company.strip().length())
				: new Evidence(company.strip(), -1, -1);
	}

	private static int firstStart(Tag tag) {
		return tag.evidence().stream().mapToInt(Evidence::start).filter((start) -> start >= 0).min().orElse(-1);
	}

}
