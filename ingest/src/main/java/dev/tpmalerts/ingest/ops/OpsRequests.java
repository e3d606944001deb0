package dev.tpmalerts.ingest.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.tpmalerts.ingest.deadletter.DeadLetter;
import dev.tpmalerts.ingest.job.ScrapeLauncher.Launch;
import dev.tpmalerts.ingest.job.SourceSchedules;
import dev.tpmalerts.ingest.job.SourceSchedules.SourceSchedule;

import org.springframework.batch.core.BatchStatus;

/** The checks of what operators send, the same for the API and the dashboard; refusals name the parameter. */
final class OpsRequests {

	private OpsRequests() {
	}

	static int page(Integer page) {
		if (page == null) {
			return 0;
		}
		if (page < 0) {
			throw OpsProblem.badParameter("page", "page must be 0 or more, not " + page);
		}
		return page;
	}

	static int size(Integer size, int defaultSize) {
		if (size == null) {
			return defaultSize;
		}
		if (size < 1 || size > Operations.MAX_PAGE_SIZE) {
			throw OpsProblem.badParameter("size", "size must be between 1 and " + Operations.MAX_PAGE_SIZE + ", not " + size);
		}
		return size;
	}

	static BatchStatus runStatus(String status) {
		if (blank(status)) {
			return null;
		}
		try {
			return BatchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw OpsProblem.badParameter("status", "status '" + status + "' is not one of "
					+ Arrays.stream(BatchStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	static String deadLetterStatus(String status) {
		if (blank(status)) {
			return null;
		}
		String upper = status.strip().toUpperCase(Locale.ROOT);
		if (!upper.equals(DeadLetter.PENDING) && !upper.equals(DeadLetter.REPLAYED)) {
			throw OpsProblem.badParameter("status", "status '" + status + "' is not one of PENDING, REPLAYED");
		}
		return upper;
	}

	static String optional(String value) {
		return blank(value) ? null : value.strip();
	}

	/** The schedule a change left, or the refusal. */
	static SourceSchedule changed(SourceSchedules.Change change) {
		if (change instanceof SourceSchedules.Change.UnknownSource unknown) {
			throw OpsProblem.notFound("no source is named '" + unknown.source() + "'");
		}
		if (change instanceof SourceSchedules.Change.InvalidCron invalid) {
			throw OpsProblem.badParameter("cron", "cron '" + invalid.cron() + "' is not a valid schedule: " + invalid.reason());
		}
		return ((SourceSchedules.Change.Changed) change).schedule();
	}

	/** The id of the run a launch started, or the refusal (404 for an unknown source, else 409). */
	static long started(Launch launch, boolean sourceExists) {
		if (launch instanceof Launch.Refused refused) {
			if (!sourceExists) {
				throw OpsProblem.notFound(refused.reason());
			}
			throw OpsProblem.conflict("Run refused", refused.reason());
		}
		return launch.runId().getAsLong();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
