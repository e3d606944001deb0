package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Arrays;
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

	private static final String DEGREE_WORD = "(degree|degrees|bachelor|bachelors|bachelor's|bachelor’s|master|masters|master's|master’s|ph\\.?d\\.?|doctorate|b\\.?s\\.?c?|b\\.?a\\.?|m\\.?s\\.?c?|b\\.?eng|m\\.?eng|b\\.?tech|mba|diploma|undergraduate|graduate|bs/ba|ba/bs|bs/ms)";

	private static final Pattern DEGREE_WORD_PATTERN = Pattern.compile("(?<![\\w.])" + DEGREE_WORD + "(?![\\w])",
			Pattern.CASE_INSENSITIVE);

	/** "Bachelor's degree in Computer Science, Engineering or a related field": the degree word, then "in"/"of". */
	private static final Pattern IN_OR_OF = Pattern.compile("^[^;:!?]{0,30}?\\b(in|of)\\b|^\\s*[(/:]", Pattern.CASE_INSENSITIVE);

	/** "a Computer Science or Engineering degree", "CS/EE background preferred" when a degree word follows. */
	private static final Pattern DEGREE_AFTER_FIELD = Pattern.compile("^[^.;!?]{0,40}?\\b(degree|degrees|major|graduate|diploma)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Between the degree word and the field, words that show the field belongs to something else. */
	static final Pattern NOT_THE_DEGREE = Pattern.compile("\\b(experience|years?|working|work|industry|role|environment|teams?|company|companies)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SECURITY_OTHER_AFTER = Pattern.compile("^(\\s*(clearance|clearances|guard|guards|officer|deposit|plus)\\b|\\+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SECURITY_OTHER_BEFORE = Pattern.compile("\\b(social|national|job|financial|food|homeland|physical|comptia)\\s+$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SOFTWARE_KIND_AFTER = Pattern.compile("^\\s*(company|companies|firm|firms|vendor|vendors|tool|tools|such as|like|package|packages|licen[cs]es?|skills|proficiency)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SOFTWARE_TOOL_BEFORE = Pattern.compile(
			"\\b(scheduling|accounting|office|productivity|planning|estimating|construction|design|crm|erp|presentation|collaboration|spreadsheet|b2b|enterprise)\\s+$",
			Pattern.CASE_INSENSITIVE);

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

	/** Degree abbreviations that are also product names or roles: "MS Project", "MS Office", "Scrum Master". */
	private static final Pattern LEVEL_LOOKALIKE_AFTER = Pattern.compile(
			"^\\s*(office|project|excel|word|teams|visio|dynamics|powerpoint|sql|access|sharepoint|outlook|365|azure|windows|degree of)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern LEVEL_LOOKALIKE_BEFORE = Pattern.compile("\\b(scrum|web|quiz|concert|ring|task|toast)\\s*$",
			Pattern.CASE_INSENSITIVE);

	/** A methodology in a sentence about the employer's culture is not one the role uses. */
	private static final Pattern CULTURE = Pattern.compile("\\b(culture|our values|mindset of the company|we are an? agile|we're an? agile|agile company|agile organi[sz]ation)\\b",
			Pattern.CASE_INSENSITIVE);

	/** "Report to senior leadership": the leaders, not the skill. */
	private static final Pattern LEADERSHIP_AS_PEOPLE = Pattern.compile(
			"\\b(to|with|for|from|and|by|our|the|senior|executive|clinical|company|engineering|product|technical|site|plant|school|department|business)\\s+$",
			Pattern.CASE_INSENSITIVE);

	/** Certifications whose name is also a framework's: the name alone is the framework. */
	private static final Set<String> CONTEXT_CERTIFICATIONS = Set.of("itil", "six-sigma");

	private static final Pattern CERTIFICATION_FORM = Pattern.compile("foundation|practitioner|belt|certif|\\bv?[34]\\b|expert|^(LSS|CSS)[GBY]B$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CERTIFICATION_CONTEXT = Pattern.compile("certif|\\bbelt\\b|\\bcredential", Pattern.CASE_INSENSITIVE);

	private static final Pattern CERTIFICATION_WORD = Pattern.compile("certif", Pattern.CASE_INSENSITIVE);

	private static final Map<String, String> CLOUD_CERTIFICATIONS = Map.of("aws", "aws", "amazon web services", "aws",
			"azure", "azure", "microsoft azure", "azure", "gcp", "gcp", "google cloud", "gcp", "google cloud platform", "gcp");

	/** "Forklift certification", "APICS CPIM certification", "Marketo Certified Expert", "Certified Meeting Professional". */
	private static final Pattern NAMED_CERTIFICATION = Pattern.compile(
			"\\b((?:[A-Z][A-Za-z0-9+\\-]*|\\d+)(?:[ \\t]+(?:[A-Z][A-Za-z0-9+\\-]*|\\d+)){0,3})[ \\t]+(certification|certificate|certified|designation|license|licence)\\b"
					+ "|\\bCertified[ \\t]+[A-Z][A-Za-z]+(?:[ \\t]+[A-Z][A-Za-z]+){0,3}");

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

	static final Pattern NOT_A_FIELD = Pattern.compile(
			"\\b(related|field|fields|discipline|equivalent|similar|quantitative|technical|relevant|area|areas|any|experience|years?|from|institution|university|college|school|accredited|preferred|required|plus|etc|e\\.g|program|work|study)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DEGREE_AFTER_LEVEL_WORD = Pattern.compile("(?is)^\\s*(['’]?s\\b|degree|of|in\\b|or\\b|/|,|\\)).*");

	private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9+]+");

	private static final Pattern LIST_END = Pattern.compile("(?i)\\b(related|equivalent|similar)\\b");

	private static final Pattern FIELD_NOUN = Pattern.compile("(?s).*\\b(Engineering|Science|Sciences|Studies|Technology)\\b.*");

	private static final Pattern FIELD_NOUN_THEN_MORE = Pattern
		.compile("(?s).*\\b(Engineering|Science|Sciences|Studies|Technology)\\b\\s*(,|\\bor\\b|\\band\\b|/).*");

	private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(a|an|the|either)\\s+");

	private static final Pattern TPM_TITLE = Pattern.compile(".*\\b(technical program manag|tpm\\b).*");

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
		DegreeFields degreeFields = new DegreeFields(body);
		for (Match match : this.matcher.find(body)) {
			Concept concept = match.concept();
			String facet = concept.facet();
			List<Evidence> evidence = match.evidence()
				.stream()
				.filter((each) -> counts(facet, concept.id(), body, each, sections, degreeFields))
				.toList();
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
		addOtherDegreeFields(tags, body, sections, degreeFields);
		String degreeLevel = degreeLevel(tags, body, sections);
		tags.addAll(Industries.rank(industries, body, company, sections, this.industryLabels,
				tags.stream().filter((tag) -> tag.facet().equals("technical")).toList()));
		int technical = count(tags, "technical");
		String role = RoleClassifier.classify(safeTitle, sections.lower(), technical);
		Map<String, Integer> facetScores = score(role, safeTitle, tags);
		int total = Math.min(100, facetScores.values().stream().mapToInt(Integer::intValue).sum());
		return new Classification(role, seniority, degreeLevel, total, facetScores, tags);
	}

	/** Whether one mention counts for its facet, given where it stands. */
	private static boolean counts(String facet, String id, String text, Evidence evidence, Sections sections,
			DegreeFields degreeFields) {
		Kind kind = sections.kindAt(evidence.start());
		if (REQUIREMENT_FACETS.contains(facet) && kind.isBoilerplate()) {
			return false;
		}
		if (facet.equals("industries")) {
			return kind != Kind.BENEFITS && kind != Kind.EEO;
		}
		if (facet.equals("methodologies") && kind != Kind.REQUIREMENTS && kind != Kind.NICE_TO_HAVE
				&& CULTURE.matcher(Sentences.around(text, evidence.start())).find()) {
			return false;
		}
		if (facet.equals("skills") && id.equals("leadership") && evidence.text().equalsIgnoreCase("leadership")
				&& LEADERSHIP_AS_PEOPLE.matcher(before(text, evidence, 25)).find()) {
			return false;
		}
		if (facet.equals("certifications") && CONTEXT_CERTIFICATIONS.contains(id) && !asksForCertification(text, evidence)) {
			return false;
		}
		if (facet.equals("technical") && id.equals("security") && evidence.text().equalsIgnoreCase("security")
				&& isSecurityOfAnotherKind(text, evidence)) {
			return false;
		}
		if (facet.equals("technical") && evidence.text().equalsIgnoreCase("software") && isSoftwareAsTool(text, evidence)) {
			return false;
		}
		if (facet.equals("degrees")) {
			return asksForDegreeIn(text, evidence, degreeFields);
		}
		if (facet.equals("degree-level")) {
			return isDegreeLevel(text, evidence);
		}
		return true;
	}

	/** "ITIL Foundation", "Six Sigma Green Belt" or a sentence about certification; not "ITIL-aligned processes". */
	private static boolean asksForCertification(String text, Evidence evidence) {
		return CERTIFICATION_FORM.matcher(evidence.text()).find()
				|| CERTIFICATION_CONTEXT.matcher(Sentences.around(text, evidence.start())).find();
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
		return SECURITY_OTHER_AFTER.matcher(after).find() || SECURITY_OTHER_BEFORE.matcher(before).find();
	}

	/** "Scheduling software", "at a B2B software company": software the role uses or an employer's kind, not its domain. */
	private static boolean isSoftwareAsTool(String text, Evidence evidence) {
		String after = after(text, evidence, 20);
		String before = before(text, evidence, 30);
		return SOFTWARE_KIND_AFTER.matcher(after).find() || SOFTWARE_TOOL_BEFORE.matcher(before).find();
	}

	/** A field counts as a degree's only where the sentence asks for a degree in it. */
	private static boolean asksForDegreeIn(String text, Evidence evidence, DegreeFields degreeFields) {
		if (SELF_DEGREE.matcher(evidence.text()).matches()) {
			return true;
		}
		if (inDegreeFieldList(text, evidence, degreeFields)) {
			return true;
		}
		int sentenceStart = Math.max(Sentences.start(text, evidence.start()), evidence.start() - 120);
		String before = text.substring(sentenceStart, evidence.start());
		Matcher degree = DEGREE_WORD_PATTERN.matcher(before);
		int lastEnd = -1;
		while (degree.find()) {
			lastEnd = degree.end();
		}
		if (lastEnd >= 0) {
			String between = before.substring(lastEnd);
			if (IN_OR_OF.matcher(between).find() && !NOT_THE_DEGREE.matcher(between).find()) {
				return true;
			}
		}
		String after = text.substring(evidence.end(), Math.min(Sentences.end(text, evidence.end()), evidence.end() + 40));
		Matcher following = DEGREE_AFTER_FIELD.matcher(after);
		return following.find() && !NOT_THE_DEGREE.matcher(after.substring(0, following.start(1))).find();
	}

	private static boolean isDegreeLevel(String text, Evidence evidence) {
		String after = after(text, evidence, 20);
		String before = before(text, evidence, 20);
		if (LEVEL_LOOKALIKE_AFTER.matcher(after).find() || LEVEL_LOOKALIKE_BEFORE.matcher(before).find()) {
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
			if (id != null && CERTIFICATION_WORD.matcher(Sentences.around(text, mention.start())).find()) {
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

	/** The Scaled Agile Framework is an agile method: a posting that runs SAFe runs agile (eval guidelines). */
	private void addAgileForSafe(List<Tag> tags) {
		tags.stream()
			.filter((tag) -> tag.facet().equals("methodologies") && tag.id().equals("safe"))
			.findFirst()
			.filter((safe) -> tags.stream().noneMatch((tag) -> tag.facet().equals("methodologies") && tag.id().equals("agile")))
			.ifPresent((safe) -> tags.add(new Tag("methodologies", "agile", this.agileLabel, safe.evidence())));
	}

	/** A named certification the taxonomy has no id for is {@code other}: "Forklift certification a plus". */
	private void addNamedCertifications(List<Tag> tags, String text, Sections sections) {
		List<Evidence> known = tags.stream()
			.filter((tag) -> tag.facet().equals("certifications"))
			.flatMap((tag) -> tag.evidence().stream())
			.toList();
		List<Evidence> found = new ArrayList<>();
		Matcher named = NAMED_CERTIFICATION.matcher(text);
		// A named certification never spans lines, and its line holds one of these words (the expression is costly).
		for (Sections.Line line : sections.linesContaining(text, "certif", "Certif", "designation", "licen")) {
			named.region(line.start(), line.end());
			while (named.find()) {
				int start = named.start();
				int end = named.end();
				if (sections.kindAt(start).isBoilerplate() || sections.lineAt(start).heading()) {
					continue;
				}
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

	/** A named degree field the taxonomy has no id for is {@code other}: "degree in Human Resources". */
	private void addOtherDegreeFields(List<Tag> tags, String text, Sections sections, DegreeFields degreeFields) {
		List<Evidence> found = new ArrayList<>();
		Matcher degree = degreeFields.match();
		for (int next = 0; degreeFields.find(next, text.length()); next = degree.end()) {
			// "Mechanical, Electrical or Automotive Engineering": the adjectives share the last field's noun.
			String tail = LIST_END.split(degree.group("fields"))[0].strip();
			boolean sharedNoun = FIELD_NOUN.matcher(tail).matches() && !FIELD_NOUN_THEN_MORE.matcher(tail).matches();
			if (sections.kindAt(degree.start()).isBoilerplate() || NOT_THE_DEGREE.matcher(text.substring(degree.end("word"), degree.start("fields"))).find()) {
				continue;
			}
			int offset = degree.start("fields");
			String fields = degree.group("fields");
			Matcher separator = FIELD_SEPARATOR.matcher(fields);
			int from = 0;
			while (from <= fields.length()) {
				boolean more = separator.find();
				int to = more ? separator.start() : fields.length();
				String field = LEADING_ARTICLE.matcher(fields.substring(from, to).strip()).replaceFirst("");
				boolean modifier = sharedNoun && more && !field.contains(" ");
				if (!modifier && !field.isEmpty() && Character.isUpperCase(field.charAt(0)) && field.length() <= 40
						&& !NOT_A_FIELD.matcher(field).find() && !isKnownField(field)) {
					int at = text.indexOf(field, offset + from);
					found.add(new Evidence(field, at, at + field.length()));
				}
				if (!more || NOT_A_FIELD.matcher(field).find()) {
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
		if (!sections.lower().contains("degree")) {
			return false;
		}
		return pattern.matcher(text)
			.results()
			.anyMatch((found) -> !sections.kindAt(found.start()).isBoilerplate()
					&& !LEVEL_BEFORE.matcher(text.substring(Math.max(0, found.start() - 20), found.start() + found.group().indexOf("egree") - 1)).find()
					&& !NOT_ASKED.matcher(Sentences.around(text, found.start())).find());
	}

	/** Whether a field stands in the list of fields after "degree in", before "or a related field" ends it. */
	private static boolean inDegreeFieldList(String text, Evidence evidence, DegreeFields degreeFields) {
		int[] lists = degreeFields.listsInSentence(Sentences.start(text, evidence.start()), Sentences.end(text, evidence.start()));
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
		scores.put("title", TPM_TITLE.matcher(title.toLowerCase(Locale.ROOT)).matches() ? 5 : 0);
		scores.put("technical", Math.min(20, 5 * count(tags, "technical")));
		scores.put("methodologies", Math.min(10, 4 * count(tags, "methodologies")));
		scores.put("certifications", Math.min(10, 5 * count(tags, "certifications")));
		scores.put("skills", Math.min(10, 2 * count(tags, "skills")));
		boolean technicalDegree = tags.stream()
			.anyMatch((tag) -> tag.facet().equals("degrees") && List.of("computer-science", "engineering", "information-technology").contains(tag.id()));
		scores.put("degrees", technicalDegree ? 5 : (count(tags, "degrees") > 0 ? 3 : 0));
		return scores;
	}

	private static int count(List<Tag> tags, String facet) {
		return (int) tags.stream().filter((tag) -> tag.facet().equals(facet)).count();
	}

}
