package dev.tpmalerts.matcher.classify;

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
import java.util.stream.Collectors;

import dev.tpmalerts.matcher.classify.Sections.Kind;
import dev.tpmalerts.matcher.taxonomy.Concept;
import dev.tpmalerts.matcher.taxonomy.PhraseMatcher;
import dev.tpmalerts.matcher.taxonomy.PhraseMatcher.Match;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.Evidence;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.Tag;

/**
 * Classifies a posting and tags it against the taxonomy. Tags come only from what the role does and asks for:
 * mentions in the employer's boilerplate (about us, benefits, equal-opportunity text) are not requirements. A
 * degree field is tagged only where a degree in it is asked for; industries are ranked by what the posting says
 * about the employer (see {@link Industries}).
 */
public final class PostingClassifier {

	private static final int MAX_EVIDENCE = 5;

	/** Facets that describe the role's requirements, which boilerplate cannot supply. */
	private static final Set<String> REQUIREMENT_FACETS = Set.of("certifications", "methodologies", "technical", "skills",
			"degrees", "degree-level");

	/** "Bachelor's degree in Computer Science, Engineering or a related field": the degree word, then "in"/"of". */
	private static final Pattern IN_OR_OF = Pattern.compile("^[^;:!?]{0,30}?\\b(in|of)\\b|^\\s*[(/:]", Pattern.CASE_INSENSITIVE);

	/** "a Computer Science or Engineering degree", "CS/EE background preferred" when a degree word follows. */
	static final Pattern DEGREE_AFTER_FIELD = Pattern.compile("^[^.;!?]{0,40}?\\b(degree|degrees|major|graduate|diploma)\\b",
			Pattern.CASE_INSENSITIVE);

	/** The degree word of {@link #DEGREE_AFTER_FIELD}, without which it cannot match. */
	static final WordGuard DEGREE_AFTER_FIELD_WORD = new WordGuard(
			Pattern.compile("\\b(degree|degrees|major|graduate|diploma)\\b", Pattern.CASE_INSENSITIVE),
			List.of("degree", "degrees", "major", "graduate", "diploma"));

	/** Between the degree word and the field, words that show the field belongs to something else. */
	static final WordGuard NOT_THE_DEGREE = new WordGuard(Pattern.compile(
			"\\b(experience|years?|working|work|industry|role|environment|teams?|company|companies)\\b", Pattern.CASE_INSENSITIVE),
			List.of("experience", "year", "years", "working", "work", "industry", "role", "environment", "team", "teams", "company",
					"companies"));

	static final Pattern SECURITY_OTHER_AFTER = Pattern.compile("^(\\s*(clearance|clearances|guard|guards|officer|deposit|plus)\\b|\\+)",
			Pattern.CASE_INSENSITIVE);

	/** The first letter of each word of {@link #SECURITY_OTHER_AFTER}: it cannot match without one after white space. */
	static final String SECURITY_OTHER_AFTER_FIRSTS = "cgodp";

	static final Pattern SECURITY_OTHER_BEFORE = Pattern.compile("\\b(social|national|job|financial|food|homeland|physical|comptia)\\s+$",
			Pattern.CASE_INSENSITIVE);

	/** The last letter of each word of {@link #SECURITY_OTHER_BEFORE}: it cannot match without one before white space. */
	static final String SECURITY_OTHER_BEFORE_LASTS = "lbda";

	static final Pattern CLINICAL_PRACTICE = Pattern.compile("\\b(?:ich|clinical|good clinical practice|trials?|gxp|glp|gmp|fda|ema|irb|21 cfr|sponsor|cro)\\b");

	static final Pattern SOFTWARE_KIND_AFTER = Pattern.compile("^\\s*(company|companies|firm|firms|vendor|vendors|tool|tools|such as|like|package|packages|licen[cs]es?|skills|proficiency)\\b",
			Pattern.CASE_INSENSITIVE);

	/** The first letter of each word of {@link #SOFTWARE_KIND_AFTER}: it cannot match without one after white space. */
	static final String SOFTWARE_KIND_AFTER_FIRSTS = "cfvtslp";

	static final Pattern SOFTWARE_TOOL_BEFORE = Pattern.compile(
			"\\b(scheduling|accounting|office|productivity|planning|estimating|construction|design|crm|erp|presentation|collaboration|spreadsheet|b2b|enterprise"
					+ "|computer|microsoft|project management|tracking|conferencing)\\s+$",
			Pattern.CASE_INSENSITIVE);

	/** The last letter of each word of {@link #SOFTWARE_TOOL_BEFORE}: it cannot match without one before white space. */
	static final String SOFTWARE_TOOL_BEFORE_LASTS = "geynmptbr";

	/** Degrees that name their own field: an MBA is in business, a B.Tech in engineering. */
	private static final Pattern SELF_DEGREE = Pattern.compile("MBA|B\\.? ?Tech\\.?|B\\.E\\.?|B\\.? ?Eng|M\\.? ?Eng|M\\.? ?Tech|BSEE|BSME|MSEE");

	/** A degree word just before: "Master's degree in", not "a degree in". */
	private static final Pattern LEVEL_BEFORE = Pattern.compile("\\b(master|bachelor|doctoral|doctorate|graduate|advanced|associate|phd)['’]?s?\\s*$",
			Pattern.CASE_INSENSITIVE);

	/** A degree asked for without a level ("a degree in a technical field", "degree required"): a bachelor's. */
	private static final Pattern ANY_DEGREE = Pattern.compile(
			"\\b(a|an|the|college|university|relevant|related|technical|accredited|4-year|four-year|undergraduate|engineering|science|business)\\s+degree\\b|\\bdegree\\s+(in|required|preferred|or equivalent|from)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ADVANCED_DEGREE = Pattern.compile("\\b(advanced|graduate|post-?graduate)\\s+degree\\b",
			Pattern.CASE_INSENSITIVE);

	/** Longer than any word {@link #ANY_DEGREE} and {@link #ADVANCED_DEGREE} match before or after "degree". */
	private static final int DEGREE_WORD_REACH = 20;

	/** Degree abbreviations that are also product names or roles: "MS Project", "MS Office", "Scrum Master". */
	static final Pattern LEVEL_LOOKALIKE_AFTER = Pattern.compile(
			"^\\s*(office|project|excel|word|teams|visio|dynamics|powerpoint|sql|access|sharepoint|outlook|365|azure|windows|degree of)\\b", Pattern.CASE_INSENSITIVE);

	/** The first letter of each word of {@link #LEVEL_LOOKALIKE_AFTER}: it cannot match without one after white space. */
	static final String LEVEL_LOOKALIKE_AFTER_FIRSTS = "opewtvdsa3";

	static final Pattern LEVEL_LOOKALIKE_BEFORE = Pattern.compile("\\b(scrum|web|quiz|concert|ring|task|toast)\\s*$",
			Pattern.CASE_INSENSITIVE);

	/** The last letter of each word of {@link #LEVEL_LOOKALIKE_BEFORE}: it cannot match without one before white space. */
	static final String LEVEL_LOOKALIKE_BEFORE_LASTS = "mbztgk";

	/** A methodology in a sentence about the employer's culture is not one the role uses. */
	static final Pattern CULTURE = Pattern.compile("\\b(culture|our values|mindset of the company|we are an? agile|we're an? agile|agile company|agile organi[sz]ation)\\b",
			Pattern.CASE_INSENSITIVE);

	/** What each match of {@link #CULTURE} holds; they start with "c", "o", "m", "w" or "a". */
	static final List<String> CULTURE_WORDS = List.of("culture", "our values", "mindset of the company", "we are a",
			"we're a", "agile company", "agile organi");

	/** "Green infrastructure", "transportation infrastructure": parks, roads and pipes, not computing. */
	private static final Pattern CIVIL_INFRASTRUCTURE = Pattern.compile("\\b(green|civil|transportation|transport|public|physical"
			+ "|water|wastewater|stormwater|road|roadway|rail|municipal|urban|community|social|park|parks|highway|bridge)\\s+$",
			Pattern.CASE_INSENSITIVE);

	/** "Secret clearance", "security clearance" after an industry word: a clearance the candidate holds. */
	private static final Pattern CLEARANCE_AFTER = Pattern.compile(
			"\\s+((baseline|nv1|nv2|secret|top secret|ts/sci|security|background)\\s+)*(security\\s+)?clearances?\\b", Pattern.CASE_INSENSITIVE);

	/** A line that opens with "Education", as a label or heading does. */
	private static final Pattern SCHOOLING_LABEL_BEFORE = Pattern.compile("[\\s•*·-]*((minimum|required|preferred|desired)\\s+)?",
			Pattern.CASE_INSENSITIVE);

	/** What follows a label or heading "Education": "Education:", "Education / Training", "Education & Experience". */
	private static final Pattern SCHOOLING_LABEL_AFTER = Pattern.compile("\\s*([:/&(–-]|and\\b)");

	/** What stands before "education" when it is the candidate's schooling: "continued education", "post-secondary education". */
	private static final Pattern SCHOOLING_BEFORE = Pattern.compile("\\b(continued|continuing|recent|formal|post-?secondary"
			+ "|post-?matric|tertiary|further|minimum|required|relevant|equivalent|additional|ongoing|your|level of"
			+ "|combination of)\\s+$", Pattern.CASE_INSENSITIVE);

	/** What follows "education" when it is the candidate's schooling: "education requirements", "education in Scrum". */
	private static final Pattern SCHOOLING_AFTER = Pattern.compile("\\s*(and experience|requirements?\\b|level\\b|background"
			+ "|history|qualifications?|in\\s+(scrum|agile|project|it\\b|computer|business|engineering|a related))",
			Pattern.CASE_INSENSITIVE);

	/** "Communication and leadership skills": the skill, whatever stands before it. */
	private static final Pattern LEADERSHIP_AS_SKILL = Pattern.compile(
			"\\s+(skills?|abilit(y|ies)|qualities|capabilit(y|ies)|competenc(y|ies)|experience)\\b", Pattern.CASE_INSENSITIVE);

	/** "Report to senior leadership": the leaders, not the skill. */
	private static final Pattern LEADERSHIP_AS_PEOPLE = Pattern.compile(
			"\\b(to|with|for|from|and|by|our|the|senior|executive|clinical|company|engineering|product|technical|site|plant|school|department|business)\\s+$",
			Pattern.CASE_INSENSITIVE);

	/** Certifications whose name is also a framework's: the name alone is the framework. */
	private static final Set<String> CONTEXT_CERTIFICATIONS = Set.of("itil", "six-sigma");

	private static final Pattern CERTIFICATION_FORM = Pattern.compile("foundation|practitioner|belt|certif|\\bv?[34]\\b|expert|^(LSS|CSS)[GBY]B$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CERTIFICATION_CONTEXT = Pattern.compile("certif|\\bbelt\\b|\\bcredential", Pattern.CASE_INSENSITIVE);

	private static final Map<String, String> CLOUD_CERTIFICATIONS = Map.of("aws", "aws", "amazon web services", "aws",
			"azure", "azure", "microsoft azure", "azure", "gcp", "gcp", "google cloud", "gcp", "google cloud platform", "gcp");

	/** "Forklift certification", "APICS CPIM certification", "Marketo Certified Expert", "Certified Meeting Professional". */
	private static final Pattern NAMED_CERTIFICATION = Pattern.compile(
			"\\b((?:[A-Z][A-Za-z0-9+\\-]*|\\d+)(?:[ \\t]+(?:[A-Z][A-Za-z0-9+\\-]*|\\d+)){0,3})[ \\t]+(certification|certificate|certified|designation|license|licence)\\b"
					+ "|\\bCertified[ \\t]+[A-Z][A-Za-z]+(?:[ \\t]+[A-Z][A-Za-z]+){0,3}");

	/**
	 * What a match of {@link #NAMED_CERTIFICATION} holds: a certification word (each starts with one of the first
	 * three) or, at its start, "Certified".
	 */
	private static final List<String> CERTIFICATION_NAME_WORDS = List.of("certif", "designation", "licen", "Certified");

	private static final int CERTIFIED = 3;

	/** Words that make a certification generic ("Agile certification", "a relevant certification"), not a named one. */
	private static final Set<String> GENERIC_CERTIFICATION_WORDS = Set.of("a", "an", "the", "any", "relevant", "professional",
			"industry", "technical", "cloud", "agile", "project", "program", "programme", "management", "scrum", "security",
			"it", "valid", "active", "current", "recognized", "related", "appropriate", "required", "preferred", "equivalent",
			"formal", "lean", "six", "sigma", "pmi", "and", "or", "with", "in", "of", "certification", "certifications",
			"product", "vendor", "other", "such", "as", "similar", "additional", "one", "must", "is", "are", "hold", "have",
			"state", "data", "ai", "aws", "azure", "gcp", "google", "microsoft", "amazon", "kubernetes", "itil", "safe",
			"pmp", "capm", "csm", "psm", "prince2", "cissp", "comptia", "we", "our", "you", "your", "this", "all", "bonus",
			"plus", "nice", "to", "driver", "drivers", "driving", "s");

	private static final Pattern NOT_ASKED = Pattern.compile("\\b(not|no|never|n't)\\b[^.;]{0,40}\\b(required|needed|necessary|need)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*(,|/|\\bor\\b|\\band\\b|&)\\s*", Pattern.CASE_INSENSITIVE);

	static final WordGuard NOT_A_FIELD = new WordGuard(Pattern.compile(
			"\\b(related|field|fields|discipline|equivalent|similar|quantitative|technical|relevant|area|areas|any|experience|years?|from|institution|university|college|school|accredited|preferred|required|plus|etc|e\\.g|program|work|study)\\b",
			Pattern.CASE_INSENSITIVE),
			List.of("related", "field", "fields", "discipline", "equivalent", "similar", "quantitative", "technical", "relevant",
					"area", "areas", "any", "experience", "year", "years", "from", "institution", "university", "college", "school",
					"accredited", "preferred", "required", "plus", "etc", "e.g", "program", "work", "study"));

	private static final Pattern DEGREE_AFTER_LEVEL_WORD = Pattern.compile("(?is)^\\s*(['’]?s\\b|degree|of|in\\b|or\\b|/|,|\\)).*");

	private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9+]+");

	static final WordGuard LIST_END = new WordGuard(Pattern.compile("(?i)\\b(related|equivalent|similar)\\b"),
			List.of("related", "equivalent", "similar"));

	/** A field's noun; a list's last field ends with one ("... or Automotive Engineering") or it is not the last. */
	private static final Pattern FIELD_NOUN = Pattern.compile("\\b(Engineering|Science|Sciences|Studies|Technology)\\b");

	private static final Pattern FIELD_NOUN_THEN_MORE = Pattern
		.compile("\\b(Engineering|Science|Sciences|Studies|Technology)\\b\\s*(,|\\bor\\b|\\band\\b|/)");

	/** How each match of {@link #FIELD_NOUN} starts. */
	private static final List<String> FIELD_NOUNS = List.of("Engineering", "Science", "Studies", "Technology");

	private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(a|an|the|either)\\s+");

	private static final Pattern TPM_TITLE = Pattern.compile(".*\\b(technical program manag|tpm\\b).*");

	private static final Set<String> TECHNICAL_DEGREES = Set.of("computer-science", "engineering", "information-technology");

	private static final Map<String, Integer> ROLE_POINTS = Map.of(RoleClassifier.TPM, 40, RoleClassifier.PROGRAM, 20,
			RoleClassifier.PROJECT, 15, RoleClassifier.PRODUCT, 10, RoleClassifier.OTHER, 0);

	private final Taxonomy taxonomy;

	private final PhraseMatcher matcher;

	private final Map<String, Concept> certifications;

	private final Map<String, String> industryLabels;

	private final Map<String, String> degreeLabels;

	private final PhraseMatcher fieldMatcher;

	private final String agileLabel;

	public PostingClassifier(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.matcher = new PhraseMatcher(taxonomy.concepts());
		this.certifications = taxonomy.facet("certifications")
			.stream()
			.collect(Collectors.toMap(Concept::id, (concept) -> concept));
		this.degreeLabels = taxonomy.facet("degrees").stream().collect(Collectors.toMap(Concept::id, Concept::label));
		this.fieldMatcher = new PhraseMatcher(taxonomy.concepts()
			.stream()
			.filter((concept) -> concept.facet().equals("degrees") || concept.facet().equals("degree-level"))
			.toList());
		this.agileLabel = taxonomy.facet("methodologies")
			.stream()
			.filter((concept) -> concept.id().equals("agile"))
			.map(Concept::label)
			.findFirst()
			.orElse("Agile");
		this.industryLabels = taxonomy.facet("industries")
			.stream()
			.collect(Collectors.toMap(Concept::id, Concept::label));
	}

	public Taxonomy taxonomy() {
		return this.taxonomy;
	}

	public Classification classify(String title, String seniority, String text) {
		return classify(title, seniority, null, text);
	}

	/** A normalised posting, as the pipeline, {@code score} and {@code reindex} all classify it. */
	public Classification classify(Posting posting) {
		return classify(posting.title(), posting.seniority(), posting.company(), posting.descriptionText());
	}

	/**
	 * As {@link #classify(String, String, String)}, with the employer's name, whose words ("Bank", "Health",
	 * "Telecom") say much about its industry.
	 */
	public Classification classify(String title, String seniority, String company, String text) {
		String body = (text == null) ? "" : text;
		String safeTitle = (title == null) ? "" : title;
		Sections sections = Sections.of(body, company);
		List<Tag> tags = new ArrayList<>();
		List<Tag> industries = new ArrayList<>();
		List<Evidence> cloudMentions = new ArrayList<>();
		DegreeFields degreeFields = new DegreeFields(body, sections);
		LineKinds kinds = new LineKinds(sections);
		for (Match match : this.matcher.find(body)) {
			Concept concept = match.concept();
			String facet = concept.facet();
			Rule rule = Rule.of(facet, concept.id());
			List<Evidence> evidence = new ArrayList<>(match.evidence().size());
			for (Evidence each : match.evidence()) {
				if (counts(rule, body, each, kinds, degreeFields)) {
					evidence.add(each);
				}
			}
			if (facet.equals("technical") && concept.id().equals("cloud")) {
				cloudMentions.addAll(evidence);
			}
			if (evidence.isEmpty()) {
				continue;
			}
			Tag tag = new Tag(facet, concept.id(), concept.label(), evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size())));
			(facet.equals("industries") ? industries : tags).add(tag);
		}
		addCloudCertifications(tags, cloudMentions, body);
		addAgileForSafe(tags);
		addNamedCertifications(tags, body, sections);
		addOtherDegreeFields(tags, body, kinds, degreeFields);
		String degreeLevel = degreeLevel(tags, body, sections);
		List<Tag> technicalTags = new ArrayList<>();
		for (Tag tag : tags) {
			if (tag.facet().equals("technical")) {
				technicalTags.add(tag);
			}
		}
		tags.addAll(Industries.rank(industries, body, company, sections, this.industryLabels, technicalTags));
		int technical = count(tags, "technical");
		String role = RoleClassifier.classify(safeTitle, sections::lower, technical);
		Map<String, Integer> facetScores = score(role, safeTitle, tags);
		int sum = 0;
		for (int points : facetScores.values()) {
			sum += points;
		}
		int total = Math.min(100, sum);
		return new Classification(role, seniority, degreeLevel, total, facetScores, tags);
	}

	/** Whether one mention counts for its facet, given where it stands. */
	private static boolean counts(Rule rule, String text, Evidence evidence, LineKinds kinds, DegreeFields degreeFields) {
		if (rule == Rule.ANY) {
			return true;
		}
		Kind kind = kinds.at(evidence.start());
		if (rule != Rule.INDUSTRY && rule != Rule.EDUCATION_INDUSTRY && kind.isBoilerplate()) {
			return false;
		}
		return switch (rule) {
			case INDUSTRY -> kind != Kind.BENEFITS && kind != Kind.EEO && !namesAClearance(text, evidence);
			case EDUCATION_INDUSTRY -> kind != Kind.BENEFITS && kind != Kind.EEO && !isSchooling(text, evidence);
			case METHODOLOGY -> kind == Kind.REQUIREMENTS || kind == Kind.NICE_TO_HAVE || !isAboutCulture(text, evidence.start());
			case LEADERSHIP -> !(evidence.text().equalsIgnoreCase("leadership")
					&& LEADERSHIP_AS_PEOPLE.matcher(before(text, evidence, 25)).find()
					&& !LEADERSHIP_AS_SKILL.matcher(after(text, evidence, 20)).lookingAt());
			case CONTEXT_CERTIFICATION -> asksForCertification(text, evidence);
			case SECURITY -> !(evidence.text().equalsIgnoreCase("security") && isSecurityOfAnotherKind(text, evidence))
					&& !(evidence.text().equalsIgnoreCase("software") && isSoftwareAsTool(text, evidence));
			case TECHNICAL -> !(evidence.text().equalsIgnoreCase("software") && isSoftwareAsTool(text, evidence))
					&& !(evidence.text().equals("GCP") && isGoodClinicalPractice(text, evidence))
					&& !(evidence.text().equalsIgnoreCase("infrastructure") && CIVIL_INFRASTRUCTURE.matcher(before(text, evidence, 20)).find());
			case DEGREE -> asksForDegreeIn(text, evidence, degreeFields);
			case DEGREE_LEVEL -> isDegreeLevel(text, evidence);
			case REQUIREMENT, ANY -> true;
		};
	}

	/** Whether the sentence around an offset is about the employer's culture ({@link #CULTURE}). */
	private static boolean isAboutCulture(String text, int at) {
		int from = Sentences.start(text, at);
		int to = Sentences.end(text, at);
		// Each match holds one of these: most sentences are ruled out without the expression.
		for (int k = from; k < to; k++) {
			if ("comwa".indexOf(WordStarts.lower(text.charAt(k))) < 0) {
				continue;
			}
			for (String word : CULTURE_WORDS) {
				if (k + word.length() <= to && spellsAscii(text, k, word)) {
					return CULTURE.matcher(text.substring(from, to)).find();
				}
			}
		}
		return false;
	}

	/** Whether the text at {@code at} reads the lower-case {@code word}, ignoring the case of ASCII letters as the expressions do. */
	private static boolean spellsAscii(String text, int at, String word) {
		for (int k = 0; k < word.length(); k++) {
			if (WordStarts.lower(text.charAt(at + k)) != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/** Which rule decides whether a concept's mentions count: found once per concept, not once per mention. */
	private enum Rule {

		/** Industries: not from the benefits or the equal-opportunity text. */
		INDUSTRY,
		/** The education industry: as {@link #INDUSTRY}, and not the candidate's schooling ("Education: BS"). */
		EDUCATION_INDUSTRY,
		/** Methodologies: not in a sentence about the employer's culture. */
		METHODOLOGY,
		/** Leadership: the skill, not the leaders. */
		LEADERSHIP,
		/** Certifications named like a framework ({@link PostingClassifier#CONTEXT_CERTIFICATIONS}): asked for as such. */
		CONTEXT_CERTIFICATION,
		/** The security domain: not a clearance nor Social Security. */
		SECURITY,
		/** Other technical domains: not software as a tool. */
		TECHNICAL,
		/** Degree fields: where a degree in them is asked for. */
		DEGREE,
		/** Degree levels: not "MS Office" nor "Scrum Master". */
		DEGREE_LEVEL,
		/** Other requirements ({@link PostingClassifier#REQUIREMENT_FACETS}): anywhere but the boilerplate. */
		REQUIREMENT,
		/** Other facets: anywhere. */
		ANY;

		static Rule of(String facet, String id) {
			return switch (facet) {
				case "industries" -> id.equals("education") ? EDUCATION_INDUSTRY : INDUSTRY;
				case "methodologies" -> METHODOLOGY;
				case "skills" -> id.equals("leadership") ? LEADERSHIP : REQUIREMENT;
				case "certifications" -> CONTEXT_CERTIFICATIONS.contains(id) ? CONTEXT_CERTIFICATION : REQUIREMENT;
				case "technical" -> id.equals("security") ? SECURITY : TECHNICAL;
				case "degrees" -> DEGREE;
				case "degree-level" -> DEGREE_LEVEL;
				default -> REQUIREMENT_FACETS.contains(facet) ? REQUIREMENT : ANY;
			};
		}

	}

	/** "ITIL Foundation", "Six Sigma Green Belt" or a sentence about certification; not "ITIL-aligned processes". */
	private static boolean asksForCertification(String text, Evidence evidence) {
		return CERTIFICATION_FORM.matcher(evidence.text()).find()
				|| CERTIFICATION_CONTEXT.matcher(Sentences.around(text, evidence.start())).find();
	}

	/**
	 * Whether "education" names the candidate's schooling, not an industry: a label or heading ("Education:",
	 * "Education & Experience", "Minimum Education Requirements"), or "continued / post-secondary education".
	 */
	private static boolean isSchooling(String text, Evidence evidence) {
		if (!evidence.text().equalsIgnoreCase("education")) {
			return false;
		}
		int lineStart = text.lastIndexOf('\n', evidence.start() - 1) + 1;
		int lineEnd = text.indexOf('\n', evidence.end());
		String rest = text.substring(evidence.end(), (lineEnd < 0) ? text.length() : lineEnd);
		String before = text.substring(lineStart, evidence.start());
		boolean label = SCHOOLING_LABEL_BEFORE.matcher(before).matches()
				&& (rest.isBlank() || SCHOOLING_LABEL_AFTER.matcher(rest).lookingAt());
		return label || SCHOOLING_BEFORE.matcher(before).find() || SCHOOLING_AFTER.matcher(rest).lookingAt();
	}

	/** "An Australian Government security clearance", "a DoD clearance": what the candidate holds, not the employer. */
	private static boolean namesAClearance(String text, Evidence evidence) {
		return CLEARANCE_AFTER.matcher(after(text, evidence, 30)).lookingAt();
	}

	/** Up to {@code chars} characters of the text just before a mention. */
	private static String before(String text, Evidence evidence, int chars) {
		return text.substring(Math.max(0, evidence.start() - chars), evidence.start());
	}

	/** Up to {@code chars} characters of the text just after a mention. */
	private static String after(String text, Evidence evidence, int chars) {
		return text.substring(evidence.end(), Math.min(text.length(), evidence.end() + chars));
	}

	/** "Security clearance", "CompTIA Security+", "Social Security": not the security domain. */
	private static boolean isSecurityOfAnotherKind(String text, Evidence evidence) {
		String after = after(text, evidence, 15);
		String before = before(text, evidence, 15);
		return ((after.startsWith("+") || startsWordWithOneOf(after, SECURITY_OTHER_AFTER_FIRSTS)) && SECURITY_OTHER_AFTER.matcher(after).find())
				|| (endsWordWithOneOf(before, SECURITY_OTHER_BEFORE_LASTS) && SECURITY_OTHER_BEFORE.matcher(before).find());
	}

	/**
	 * "ICH-GCP", "GCP and FDA regulations" in a clinical-trial posting: Good Clinical Practice, not Google Cloud.
	 * Told by the clinical words around it, as a reader would.
	 */
	private static boolean isGoodClinicalPractice(String text, Evidence evidence) {
		String around = (before(text, evidence, 80) + " " + after(text, evidence, 80)).toLowerCase(Locale.ROOT);
		return CLINICAL_PRACTICE.matcher(around).find();
	}

	/** "Scheduling software", "at a B2B software company": software the role uses or an employer's kind, not its domain. */
	private static boolean isSoftwareAsTool(String text, Evidence evidence) {
		String after = after(text, evidence, 20);
		String before = before(text, evidence, 30);
		return (startsWordWithOneOf(after, SOFTWARE_KIND_AFTER_FIRSTS) && SOFTWARE_KIND_AFTER.matcher(after).find())
				|| (endsWordWithOneOf(before, SOFTWARE_TOOL_BEFORE_LASTS) && SOFTWARE_TOOL_BEFORE.matcher(before).find());
	}

	/** A field counts as a degree's only where the sentence asks for a degree in it. */
	private static boolean asksForDegreeIn(String text, Evidence evidence, DegreeFields degreeFields) {
		if (isSelfDegree(evidence.text())) {
			return true;
		}
		int start = evidence.start();
		int sentence = -1;
		// A list of fields follows a degree word: with none before the field, its sentence is not needed.
		if (degreeFields.hasWordBetween(0, start)) {
			sentence = Sentences.start(text, start);
			if (inDegreeFieldList(text, evidence, sentence, degreeFields)) {
				return true;
			}
		}
		// The sentence starts within the 120 characters before the field or before them: it does not need finding
		// where they hold no degree word.
		if (degreeFields.mayHaveDegreeWord(Math.max(0, start - 120), start)) {
			sentence = (sentence >= 0) ? sentence : Sentences.start(text, start);
			int lastEnd = degreeFields.lastDegreeWordEnd(Math.max(sentence, start - 120), start);
			if (lastEnd >= 0) {
				String between = text.substring(lastEnd, start);
				if (IN_OR_OF.matcher(between).find() && !NOT_THE_DEGREE.find(between)) {
					return true;
				}
			}
		}
		// The degree word after the field is in the 40 characters after it: without one, its sentence's end is not needed.
		if (!DEGREE_AFTER_FIELD_WORD.mayMatch(text, evidence.end(), Math.min(text.length(), evidence.end() + 40))) {
			return false;
		}
		String after = text.substring(evidence.end(), Math.min(Sentences.end(text, evidence.end()), evidence.end() + 40));
		Matcher following = DEGREE_AFTER_FIELD.matcher(after);
		return following.find() && !NOT_THE_DEGREE.find(after.substring(0, following.start(1)));
	}

	/**
	 * Whether the first character after white space is one of {@code letters} in either case: an expression
	 * {@code ^\\s*(word|...)} whose words start with them cannot match otherwise.
	 */
	private static boolean startsWordWithOneOf(String text, String letters) {
		int at = 0;
		while (at < text.length() && isRegexSpace(text.charAt(at))) {
			at++;
		}
		return at < text.length() && letters.indexOf(WordStarts.lower(text.charAt(at))) >= 0;
	}

	/**
	 * Whether the last character before white space and line ends is one of {@code letters} in either case: an
	 * expression {@code (word|...)\\s*$} whose words end with them cannot match otherwise ({@code $} may stand before
	 * a last line end that {@code \\s} does not take, such as U+2028).
	 */
	private static boolean endsWordWithOneOf(String text, String letters) {
		int at = text.length() - 1;
		while (at >= 0 && (isRegexSpace(text.charAt(at)) || "\u0085\u2028\u2029".indexOf(text.charAt(at)) >= 0)) {
			at--;
		}
		return at >= 0 && letters.indexOf(WordStarts.lower(text.charAt(at))) >= 0;
	}

	/** {@link #SELF_DEGREE}, whose every spelling starts with "M" or "B". */
	private static boolean isSelfDegree(String written) {
		return !written.isEmpty() && (written.charAt(0) == 'M' || written.charAt(0) == 'B') && SELF_DEGREE.matcher(written).matches();
	}

	private static boolean isDegreeLevel(String text, Evidence evidence) {
		String after = after(text, evidence, 20);
		String before = before(text, evidence, 20);
		if ((startsWordWithOneOf(after, LEVEL_LOOKALIKE_AFTER_FIRSTS) && LEVEL_LOOKALIKE_AFTER.matcher(after).find())
				|| (endsWordWithOneOf(before, LEVEL_LOOKALIKE_BEFORE_LASTS) && LEVEL_LOOKALIKE_BEFORE.matcher(before).find())) {
			return false;
		}
		String written = evidence.text().toLowerCase(Locale.ROOT);
		// "Master" and "Bachelor" alone are titles and names as often as degrees; "Master's", "Master of" are degrees.
		if (written.equals("master") || written.equals("masters") || written.equals("bachelor")) {
			return DEGREE_AFTER_LEVEL_WORD.matcher(after).matches();
		}
		return true;
	}

	/**
	 * "AWS or Azure certification preferred": a cloud vendor in a sentence about certification is a certification,
	 * while "experience with AWS" is not.
	 */
	private void addCloudCertifications(List<Tag> tags, List<Evidence> cloudMentions, String text) {
		Map<String, List<Evidence>> found = new LinkedHashMap<>();
		for (Evidence mention : cloudMentions) {
			String id = CLOUD_CERTIFICATIONS.get(mention.text().toLowerCase(Locale.ROOT));
			if (id != null && saysCertification(text, Sentences.start(text, mention.start()), Sentences.end(text, mention.start()))) {
				found.computeIfAbsent(id, (key) -> new ArrayList<>()).add(mention);
			}
		}
		found.forEach((id, evidence) -> {
			boolean already = tags.stream().anyMatch((tag) -> tag.facet().equals("certifications") && tag.id().equals(id));
			Concept concept = this.certifications.get(id);
			if (!already && concept != null) {
				tags.add(new Tag("certifications", id, concept.label(), evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size()))));
			}
		});
	}

	/** Whether "certif" is written from {@code from} to {@code to}, ASCII letters in either case. */
	private static boolean saysCertification(String text, int from, int to) {
		for (int at = from; at + "certif".length() <= to; at++) {
			if (spellsAscii(text, at, "certif")) {
				return true;
			}
		}
		return false;
	}

	/** The Scaled Agile Framework is an agile method: a posting that runs SAFe runs agile (eval guidelines). */
	private void addAgileForSafe(List<Tag> tags) {
		Tag safe = null;
		for (Tag tag : tags) {
			if (tag.facet().equals("methodologies") && tag.id().equals("agile")) {
				return;
			}
			if (safe == null && tag.facet().equals("methodologies") && tag.id().equals("safe")) {
				safe = tag;
			}
		}
		if (safe != null) {
			tags.add(new Tag("methodologies", "agile", this.agileLabel, safe.evidence()));
		}
	}

	/** A named certification the taxonomy has no id for is {@code other}: "Forklift certification a plus". */
	private void addNamedCertifications(List<Tag> tags, String text, Sections sections) {
		List<Evidence> known = null;
		List<Evidence> found = new ArrayList<>();
		// Transparent bounds: searched from a point in a line, the expression sees the text before it, as from the line's start.
		Matcher named = NAMED_CERTIFICATION.matcher(text).useTransparentBounds(true);
		int[] next = new int[CERTIFICATION_NAME_WORDS.size()];
		Arrays.fill(next, Integer.MIN_VALUE);
		// A named certification never spans lines, and its line holds one of these words (the expression is costly).
		for (Sections.Line line : sections.linesContaining(text, "certif", "Certif", "designation", "licen")) {
			// The line's kind is each match's: in a heading or the boilerplate, none counts.
			if (line.kind().isBoilerplate() || line.heading()) {
				continue;
			}
			for (int from = line.start(); findNamedCertification(named, text, from, line.end(), next); from = named.end()) {
				int start = named.start();
				int end = named.end();
				known = (known != null) ? known : certificationEvidence(tags);
				if (known.stream().anyMatch((each) -> each.start() < end + 3 && each.end() > start - 3)) {
					continue;
				}
				String words = (named.group(1) != null) ? named.group(1) : named.group().substring("Certified".length());
				boolean generic = Arrays.stream(NON_WORD.split(words.toLowerCase(Locale.ROOT)))
					.allMatch((word) -> word.isEmpty() || GENERIC_CERTIFICATION_WORDS.contains(word));
				if (generic || NOT_ASKED.matcher(Sentences.around(text, start)).find()) {
					continue;
				}
				found.add(new Evidence(named.group(), start, end));
			}
		}
		if (found.isEmpty()) {
			return;
		}
		Tag other = tags.stream().filter((tag) -> tag.facet().equals("certifications") && tag.id().equals("other")).findFirst().orElse(null);
		List<Evidence> evidence = new ArrayList<>((other != null) ? other.evidence() : List.of());
		evidence.addAll(found);
		tags.remove(other);
		Concept concept = this.certifications.get("other");
		tags.add(new Tag("certifications", "other", concept.label(), evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size()))));
	}

	private static List<Evidence> certificationEvidence(List<Tag> tags) {
		List<Evidence> evidence = new ArrayList<>();
		for (Tag tag : tags) {
			if (tag.facet().equals("certifications")) {
				evidence.addAll(tag.evidence());
			}
		}
		return evidence;
	}

	/**
	 * {@code find()} for {@link #NAMED_CERTIFICATION} in a line from {@code from}, searching from where a match can
	 * start: "Certified", or up to four words before the next "certif"/"designation"/"licen" ("... hold a Forklift
	 * certification"), which every match that ends with a certification word holds. {@code next} keeps where each word was last found (-1: no
	 * more; {@code Integer.MIN_VALUE}: not looked for yet).
	 */
	private static boolean findNamedCertification(Matcher named, String text, int from, int to, int[] next) {
		int start = Integer.MAX_VALUE;
		for (int k = 0; k < next.length; k++) {
			if (next[k] != -1 && next[k] < from) {
				next[k] = text.indexOf(CERTIFICATION_NAME_WORDS.get(k), from);
			}
			if (next[k] >= 0 && next[k] < to) {
				int at = next[k];
				start = Math.min(start, (k != CERTIFIED) ? startOfName(text, from, at) : at);
			}
		}
		if (start == Integer.MAX_VALUE) {
			return false;
		}
		named.region(start, to);
		return named.find();
	}

	/**
	 * Where a name before a certification word can start, at the latest: the start of the word the certification
	 * word is found in, or of one of the four before it, each after spaces or tabs. A name is four words at most, and
	 * a certification word found in a name's word is no further into it.
	 */
	private static int startOfName(String text, int from, int at) {
		int start = at;
		while (start > from && isNameChar(text.charAt(start - 1))) {
			start--;
		}
		for (int words = 0; words < 4; words++) {
			int space = start;
			while (space > from && (text.charAt(space - 1) == ' ' || text.charAt(space - 1) == '\t')) {
				space--;
			}
			int word = space;
			while (word > from && isNameChar(text.charAt(word - 1))) {
				word--;
			}
			if (space == start || word == space) {
				break;
			}
			start = word;
		}
		return start;
	}

	/** {@code [A-Za-z0-9+\\-]}: the characters of the words of a certification's name. */
	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-';
	}

	/** A named degree field the taxonomy has no id for is {@code other}: "degree in Human Resources". */
	private void addOtherDegreeFields(List<Tag> tags, String text, LineKinds kinds, DegreeFields degreeFields) {
		List<Evidence> found = new ArrayList<>();
		// The same fields are often named again ("Computer Science" in each list): each is looked up once.
		Map<String, Boolean> knownFields = new HashMap<>();
		for (DegreeFields.Found degree : degreeFields.all()) {
			// "Mechanical, Electrical or Automotive Engineering": the adjectives share the last field's noun.
			String fieldsText = degree.fields(text);
			String tail = beforeListEnd(fieldsText).strip();
			boolean sharedNoun = findAtNoun(FIELD_NOUN, tail) && !findAtNoun(FIELD_NOUN_THEN_MORE, tail);
			if (kinds.at(degree.start).isBoilerplate() || !degree.isTheDegree(text)) {
				continue;
			}
			int offset = degree.fieldsStart;
			String fields = degree.fields(text);
			Matcher separator = FIELD_SEPARATOR.matcher(fields).useTransparentBounds(true);
			int from = 0;
			while (from <= fields.length()) {
				boolean more = findSeparator(separator, fields, from);
				int to = more ? separator.start() : fields.length();
				String field = withoutArticle(fields.substring(from, to).strip());
				boolean modifier = sharedNoun && more && !field.contains(" ");
				boolean notAField = NOT_A_FIELD.find(field);
				if (!modifier && !field.isEmpty() && Character.isUpperCase(field.charAt(0)) && field.length() <= 40 && !notAField
						&& !knownFields.computeIfAbsent(field, this::isKnownField)) {
					int at = text.indexOf(field, offset + from);
					found.add(new Evidence(field, at, at + field.length()));
				}
				if (!more || notAField) {
					break;
				}
				from = separator.end();
			}
		}
		if (found.isEmpty()) {
			return;
		}
		Tag other = tags.stream().filter((tag) -> tag.facet().equals("degrees") && tag.id().equals("other")).findFirst().orElse(null);
		List<Evidence> evidence = new ArrayList<>((other != null) ? other.evidence() : List.of());
		evidence.addAll(found);
		tags.remove(other);
		tags.add(new Tag("degrees", "other", this.degreeLabels.getOrDefault("other", "Other"), evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size()))));
	}

	/** {@link #LEADING_ARTICLE} removed; each article starts with "a", "t" or "e". */
	private static String withoutArticle(String field) {
		char first = field.isEmpty() ? ' ' : Character.toLowerCase(field.charAt(0));
		return (first == 'a' || first == 't' || first == 'e') ? LEADING_ARTICLE.matcher(field).replaceFirst("") : field;
	}

	/** The fields named before "related", "equivalent" or "similar"; empty when the list starts with one. */
	private static String beforeListEnd(String fields) {
		int end = LIST_END.start(fields);
		if (end < 0) {
			return fields;
		}
		// "a degree in related fields": no field is named before the list end. (Pattern.split, used here before,
		// returned no piece at all when nothing but list ends followed, and classify failed on the posting.)
		return fields.substring(0, end);
	}

	/**
	 * Whether {@link #FIELD_NOUN} or {@link #FIELD_NOUN_THEN_MORE} matches somewhere in the text, tried only where a
	 * noun is written.
	 */
	private static boolean findAtNoun(Pattern pattern, String text) {
		Matcher matcher = null;
		for (String noun : FIELD_NOUNS) {
			for (int at = text.indexOf(noun); at >= 0; at = text.indexOf(noun, at + 1)) {
				matcher = (matcher != null) ? matcher : pattern.matcher(text).useTransparentBounds(true);
				if (matcher.region(at, text.length()).lookingAt()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * {@code find()} for {@link #FIELD_SEPARATOR} when the last match ended at {@code from}, searching from the white
	 * space before the first place a separator can stand (",", "/", "&", a word starting "or" or "and"): every match
	 * starts there or later.
	 */
	private static boolean findSeparator(Matcher separator, String fields, int from) {
		int at = from;
		while (at < fields.length() && !maySeparate(fields, at)) {
			at++;
		}
		if (at == fields.length()) {
			return false;
		}
		while (at > from && isRegexSpace(fields.charAt(at - 1))) {
			at--;
		}
		separator.region(at, fields.length());
		return separator.find();
	}

	private static boolean maySeparate(String fields, int at) {
		char c = fields.charAt(at);
		return c == ',' || c == '/' || c == '&' || ((at == 0 || !WordStarts.isAsciiWordChar(fields.charAt(at - 1)))
				&& (fields.regionMatches(true, at, "or", 0, 2) || fields.regionMatches(true, at, "and", 0, 3)));
	}

	/** {@code \\s} without UNICODE_CHARACTER_CLASS. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private boolean isKnownField(String field) {
		return this.fieldMatcher.find(field).stream().anyMatch((match) -> match.concept().facet().equals("degrees")
				|| match.concept().facet().equals("degree-level"));
	}

	/** The lowest degree asked for; a degree without a level ("a technical degree") is a bachelor's. */
	private static String degreeLevel(List<Tag> tags, String text, Sections sections) {
		List<String> levels = tags.stream().filter((tag) -> tag.facet().equals("degree-level")).map(Tag::id).toList();
		for (String level : List.of("bachelor", "master", "phd")) {
			if (levels.contains(level)) {
				if (!level.equals("bachelor") && asksForAnyDegree(ANY_DEGREE, text, sections)
						&& !asksForAnyDegree(ADVANCED_DEGREE, text, sections)) {
					return "bachelor";
				}
				return level;
			}
		}
		if (asksForAnyDegree(ADVANCED_DEGREE, text, sections)) {
			return "master";
		}
		return asksForAnyDegree(ANY_DEGREE, text, sections) ? "bachelor" : "none";
	}

	private static boolean asksForAnyDegree(Pattern pattern, String text, Sections sections) {
		// Every match holds "degree": most texts can be ruled out without running the expression.
		if (!sections.holdsDegree()) {
			return false;
		}
		// Both expressions match a word, white space and "degree", or "degree", white space and a word: run where
		// "degree" is written, not from every position of the text. The matches are those of a search of the whole
		// text: its next match starts at or before the next "degree" only if it holds that one, and lies in the window.
		Matcher matcher = pattern.matcher(text).useTransparentBounds(true);
		// The lower-case text, made for the industries' rules anyway, is searched far faster than the text.
		String lower = sections.lowerLinesUp() ? sections.lower() : null;
		int from = 0;
		for (int at = indexOfDegree(text, lower, from); at >= 0; at = indexOfDegree(text, lower, from)) {
			int start = at;
			while (start > from && isRegexSpace(text.charAt(start - 1))) {
				start--;
			}
			int end = at + "degree".length();
			while (end < text.length() && isRegexSpace(text.charAt(end))) {
				end++;
			}
			matcher.region(Math.max(from, start - DEGREE_WORD_REACH), Math.min(text.length(), end + DEGREE_WORD_REACH));
			if (!matcher.find() || matcher.start() > at) {
				from = at + 1;
				continue;
			}
			if (!sections.kindAt(matcher.start()).isBoilerplate()
					&& !LEVEL_BEFORE.matcher(text.substring(Math.max(0, matcher.start() - 20), matcher.start() + matcher.group().indexOf("egree") - 1)).find()
					&& !NOT_ASKED.matcher(Sentences.around(text, matcher.start())).find()) {
				return true;
			}
			from = matcher.end();
		}
		return false;
	}

	/**
	 * Where "degree" is next written at or after from, in any case of its ASCII letters (or more), or -1; in the
	 * lower-case text when it lines up with the text, else in the text.
	 */
	private static int indexOfDegree(String text, String lower, int from) {
		if (lower != null) {
			return lower.indexOf("degree", from);
		}
		for (int i = from, last = text.length() - "degree".length(); i <= last; i++) {
			if ((text.charAt(i) | 0x20) == 'd' && text.regionMatches(true, i + 1, "egree", 0, 5)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether a field stands in the list of fields after "degree in", before "or a related field" ends it. */
	private static boolean inDegreeFieldList(String text, Evidence evidence, int from, DegreeFields degreeFields) {
		// A list follows its degree word: with none before the field in its sentence, the field is in no list.
		if (!degreeFields.hasWordBetween(from, evidence.start())) {
			return false;
		}
		int[] lists = degreeFields.listsInSentence(from, Sentences.end(text, evidence.start()));
		for (int k = 0; k < lists.length; k += 2) {
			if (evidence.start() >= lists[k] && evidence.start() < lists[k + 1]) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Integer> score(String role, String title, List<Tag> tags) {
		Map<String, Integer> scores = new LinkedHashMap<>();
		scores.put("role", ROLE_POINTS.get(role));
		String lowerTitle = title.toLowerCase(Locale.ROOT);
		// Each match holds one of the two: most titles are ruled out without the expression.
		boolean tpmTitle = (lowerTitle.contains("technical program manag") || lowerTitle.contains("tpm"))
				&& TPM_TITLE.matcher(lowerTitle).matches();
		scores.put("title", tpmTitle ? 5 : 0);
		scores.put("technical", Math.min(20, 5 * count(tags, "technical")));
		scores.put("methodologies", Math.min(10, 4 * count(tags, "methodologies")));
		scores.put("certifications", Math.min(10, 5 * count(tags, "certifications")));
		scores.put("skills", Math.min(10, 2 * count(tags, "skills")));
		boolean technicalDegree = false;
		for (Tag tag : tags) {
			technicalDegree |= tag.facet().equals("degrees") && TECHNICAL_DEGREES.contains(tag.id());
		}
		scores.put("degrees", technicalDegree ? 5 : (count(tags, "degrees") > 0 ? 3 : 0));
		return scores;
	}

	private static int count(List<Tag> tags, String facet) {
		int count = 0;
		for (Tag tag : tags) {
			if (tag.facet().equals(facet)) {
				count++;
			}
		}
		return count;
	}

	/** The kind of the line at an offset, as {@link Sections#kindAt}, looked up in an array rather than a list. */
	private static final class LineKinds {

		private final int[] starts;

		private final Kind[] kinds;

		LineKinds(Sections sections) {
			List<Sections.Line> lines = sections.lines();
			this.starts = new int[lines.size()];
			this.kinds = new Kind[lines.size()];
			for (int k = 0; k < lines.size(); k++) {
				this.starts[k] = lines.get(k).start();
				this.kinds[k] = lines.get(k).kind();
			}
		}

		/** The last line starting at or before the offset, the first when none does. */
		Kind at(int offset) {
			int low = 0;
			int high = this.starts.length - 1;
			while (low < high) {
				int mid = (low + high + 1) >>> 1;
				if (this.starts[mid] <= offset) {
					low = mid;
				}
				else {
					high = mid - 1;
				}
			}
			return this.kinds[low];
		}

	}

}
