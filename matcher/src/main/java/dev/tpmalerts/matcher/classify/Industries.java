package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

	private static final int NAME_WEIGHT = 6;

	private static final int CLIENT_WEIGHT = 6;

	private static final int ABOUT_WEIGHT = 3;

	private static final int BODY_WEIGHT = 1;

	/** A secondary industry is listed only when the posting says as much about it as this. */
	private static final int SECONDARY_MIN = 3;

	private static final Map<String, Pattern> NAME_WORDS = new LinkedHashMap<>();

	static {
		NAME_WORDS.put("finance", Pattern.compile(
				"\\b(bank|bancorp|bancshares|banking|financial|finance|capital|credit union|insurance|assurance|securities|investments?|fintech|pay|payments|trust company|mutual|lending|wealth|asset management)\\b"));
		NAME_WORDS.put("healthcare", Pattern.compile(
				"\\b(health|healthcare|hospital|hospitals|medical|medicine|clinic|clinics|pharma|pharmaceuticals?|therapeutics|biotech|bio|biosciences|life sciences|care|dental|diagnostics|oncology|children's)\\b"));
		NAME_WORDS.put("telecommunications", Pattern.compile("\\b(telecom|telecommunications|wireless|mobile|broadband|cellular|fiber|telco)\\b"));
		NAME_WORDS.put("education", Pattern.compile("\\b(university|college|school|schools|academy|institute of technology|education|learning)\\b"));
		NAME_WORDS.put("government", Pattern.compile("^(city|county|state|commonwealth|department|office|town|village) of\\b|\\b(agency|administration|authority|municipal|federal|government|ministry|public schools)\\b"));
		NAME_WORDS.put("defense-aerospace", Pattern.compile("\\b(defense|defence|aerospace|aviation|space|missiles?|dynamics|avionics)\\b"));
		NAME_WORDS.put("construction", Pattern.compile("\\b(construction|constructors|builders|building|contractors|homes)\\b"));
		NAME_WORDS.put("consulting", Pattern.compile("\\b(consulting|consultants|consultancy|advisory|advisors)\\b"));
		NAME_WORDS.put("legal", Pattern.compile("\\b(llp|law|legal|attorneys)\\b"));
		NAME_WORDS.put("nonprofit", Pattern.compile("\\b(foundation|charity|charities|alliance|society|ministries|relief|united way|habitat)\\b"));
		NAME_WORDS.put("retail", Pattern.compile("\\b(retail|stores|mart|market|markets|grocers?|grocery|outfitters|shop|shops|apparel)\\b"));
		NAME_WORDS.put("manufacturing", Pattern.compile("\\b(manufacturing|industries|industrial|motors|automotive|steel|chemicals?|machinery|plastics|materials)\\b"));
		NAME_WORDS.put("technology", Pattern.compile("\\b(software|technologies|technology|tech|labs|systems|cloud|data|ai|digital|networks|computing|semiconductor|robotics|analytics|io)\\b"));
	}

	private static final Pattern CLIENT_SENTENCE = Pattern.compile("\\b(our|a|the) client\\b|\\bon behalf of\\b|\\bclient,? (is )?(a|an|the)\\b",
			Pattern.CASE_INSENSITIVE);

	private Industries() {
	}

	/** The industry tags (already found in the text, boilerplate left out), ranked; "other" when there are none. */
	static List<Tag> rank(List<Tag> found, String text, String company, Sections sections, Map<String, String> labels) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		Map<String, Tag> tags = new LinkedHashMap<>();
		boolean staffing = company != null && company.toLowerCase(Locale.ROOT)
			.matches(".*\\b(staffing|recruit(ing|ment|ers)?|talent|search|personnel|workforce|careers|resources group)\\b.*");
		for (Tag tag : found) {
			int weight = 0;
			for (Evidence each : tag.evidence()) {
				weight += weight(text, each, sections);
			}
			weights.put(tag.id(), weight);
			tags.put(tag.id(), tag);
		}
		if (company != null && !company.isBlank() && !staffing) {
			String name = company.toLowerCase(Locale.ROOT).replaceAll("[.,]", " ").strip();
			for (Map.Entry<String, Pattern> entry : NAME_WORDS.entrySet()) {
				if (entry.getValue().matcher(name).find()) {
					String id = entry.getKey();
					weights.merge(id, NAME_WEIGHT, Integer::sum);
					Evidence byName = evidenceOfName(text, company);
					Tag known = tags.get(id);
					List<Evidence> evidence = new ArrayList<>();
					evidence.add(byName);
					if (known != null) {
						evidence.addAll(known.evidence());
					}
					tags.put(id, new Tag("industries", id, labels.getOrDefault(id, id),
							evidence.subList(0, Math.min(5, evidence.size()))));
					break;
				}
			}
		}
		List<String> ranked = new ArrayList<>(weights.keySet());
		ranked.sort(Comparator.comparingInt((String id) -> weights.get(id)).reversed()
			.thenComparingInt((String id) -> firstStart(tags.get(id))));
		List<Tag> result = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			String id = ranked.get(i);
			if (i == 0 || weights.get(id) >= SECONDARY_MIN) {
				result.add(tags.get(id));
			}
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
		if (CLIENT_SENTENCE.matcher(Sentences.around(text, evidence.start())).find()) {
			return CLIENT_WEIGHT;
		}
		Sections.Line line = sections.lineAt(evidence.start());
		if (line.kind() == Kind.ABOUT || line.aboutEmployer()) {
			return ABOUT_WEIGHT;
		}
		return BODY_WEIGHT;
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
