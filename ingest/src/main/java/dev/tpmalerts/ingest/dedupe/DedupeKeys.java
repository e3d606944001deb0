package dev.tpmalerts.ingest.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;

/**
 * The keys a job is compared by: normalised company, title and location, the ids and URLs it is known by, a
 * MinHash sketch of its description, and a hash of its content.
 */
public final class DedupeKeys {

	private static final Pattern COMPANY_SUFFIX = Pattern.compile(
			"\\b(inc|llc|ltd|limited|corp|corporation|co|company|gmbh|plc|sa|ag|technologies|technology|group|holdings)\\b");

	// Job ids that identify a job wherever it is copied: ATS numeric ids (7+ digits) and UUIDs.
	private static final Pattern JOB_ID = Pattern.compile(
			"(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])|(?:gh_jid=|/jobs/|/job/|jobid=|job_id=)(\\d{7,})",
			Pattern.CASE_INSENSITIVE);

	private static final int SKETCH_SIZE = 64;

	private static final int SHINGLE = 4;

	private static final long[] SEEDS = new long[SKETCH_SIZE];

	static {
		long seed = 0x9E3779B97F4A7C15L;
		for (int i = 0; i < SKETCH_SIZE; i++) {
			seed = mix(seed + i);
			SEEDS[i] = seed;
		}
	}

	private DedupeKeys() {
	}

	/** "Northwind Cloud Systems, Inc." → "northwind cloud systems". */
	public static String company(String company) {
		if (company == null) {
			return "";
		}
		String lower = company.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ");
		return COMPANY_SUFFIX.matcher(lower).replaceAll(" ").replaceAll("\\s+", " ").strip();
	}

	/** "Sr. TPM – Payments" and "Senior Technical Program Manager, Payments" give the same key. */
	public static String title(String title) {
		String lower = " " + title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
		lower = lower.replace(" sr ", " senior ")
			.replace(" snr ", " senior ")
			.replace(" tpm ", " technical program manager ")
			.replace(" mgr ", " manager ")
			.replace(" programme ", " program ");
		return lower.replaceAll("\\s+", " ").strip();
	}

	/** The first place's city, or "remote"/"anywhere" when the posting names none. */
	public static String location(Posting posting) {
		return posting.locations()
			.stream()
			.map(Location::city)
			.filter((city) -> city != null && !city.isBlank())
			.map((city) -> city.toLowerCase(Locale.ROOT).strip())
			.findFirst()
			.orElse(posting.workplace().name().toLowerCase(Locale.ROOT));
	}

	/** Every key the job is known by: its ATS id, its canonical URL, and job ids found in its URLs. */
	public static Set<String> aliases(Posting posting, String externalId, List<String> urls) {
		Set<String> aliases = new LinkedHashSet<>();
		if (externalId != null && !externalId.isBlank()) {
			aliases.add("id:" + externalId);
			jobIds(externalId).forEach((id) -> aliases.add("job:" + id));
		}
		aliases.add("url:" + posting.canonicalUrl());
		for (String url : urls) {
			if (url != null) {
				jobIds(url).forEach((id) -> aliases.add("job:" + id));
			}
		}
		return aliases;
	}

	private static List<String> jobIds(String text) {
		List<String> ids = new ArrayList<>();
		if (text.strip().matches("\\d{7,}")) {
			ids.add(text.strip());
			return ids;
		}
		String value = text.contains(":") && !text.contains("/") ? "/jobs/" + text.substring(text.lastIndexOf(':') + 1) : text;
		Matcher matcher = JOB_ID.matcher(value);
		while (matcher.find()) {
			ids.add((matcher.group(1) != null) ? matcher.group(1).toLowerCase(Locale.ROOT) : matcher.group(2));
		}
		return ids;
	}

	/** A hash of what a reader of the posting sees, to tell a changed posting from one seen again. */
	public static String contentHash(Posting posting) {
		String content = String.join("\u0000", posting.title(), String.valueOf(posting.company()),
				posting.locations().toString(), posting.workplace().name(), String.valueOf(posting.salary()),
				String.valueOf(posting.employmentType()), String.valueOf(posting.validThrough()),
				String.valueOf(posting.descriptionText()));
		return sha256(content);
	}

	public static String toJson(Posting posting) {
		return Json.mapper().writeValueAsString(posting);
	}

	public static Posting fromJson(String json) {
		return Json.mapper().readValue(json, Posting.class);
	}

	/** A MinHash sketch of the description's 4-word shingles; two sketches estimate the shingles' Jaccard. */
	public static long[] sketch(String text) {
		String[] words = (text == null) ? new String[0]
				: text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
		long[] mins = new long[SKETCH_SIZE];
		Arrays.fill(mins, Long.MAX_VALUE);
		if (words.length < SHINGLE) {
			return mins;
		}
		for (int i = 0; i + SHINGLE <= words.length; i++) {
			long base = String.join(" ", Arrays.copyOfRange(words, i, i + SHINGLE)).hashCode();
			for (int k = 0; k < SKETCH_SIZE; k++) {
				long hash = mix(base ^ SEEDS[k]);
				if (hash < mins[k]) {
					mins[k] = hash;
				}
			}
		}
		return mins;
	}

	/** The estimated Jaccard similarity of two sketches' shingle sets, 0–1. */
	public static double similarity(long[] a, long[] b) {
		int same = 0;
		for (int i = 0; i < SKETCH_SIZE; i++) {
			if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
				same++;
			}
		}
		return (double) same / SKETCH_SIZE;
	}

	public static String encode(long[] sketch) {
		return Arrays.stream(sketch).mapToObj(Long::toString).collect(Collectors.joining(","));
	}

	public static long[] decode(String sketch) {
		return (sketch == null || sketch.isBlank()) ? new long[0]
				: Arrays.stream(sketch.split(",")).mapToLong(Long::parseLong).toArray();
	}

	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
