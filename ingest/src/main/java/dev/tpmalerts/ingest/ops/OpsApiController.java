package dev.tpmalerts.ingest.ops;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tpmalerts.ingest.deadletter.DeadLetter;
import dev.tpmalerts.ingest.deadletter.DeadLetterReplay;
import dev.tpmalerts.ingest.deadletter.DeadLetterStore;
import dev.tpmalerts.ingest.housekeeping.Housekeeping;
import dev.tpmalerts.ingest.job.ScrapeRuns;
import dev.tpmalerts.ingest.job.ScrapeRuns.Run;
import dev.tpmalerts.ingest.job.ScrapeRuns.RunDetail;
import dev.tpmalerts.ingest.ops.Operations.RecoveredRun;
import dev.tpmalerts.ingest.ops.Operations.SourceView;
import dev.tpmalerts.ingest.ops.Operations.Stop;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operations JSON API: sources and schedules, runs, recovery, dead letters, housekeeping. */
@RestController
@RequestMapping("/api/ops")
class OpsApiController {

	private static final int DEFAULT_PAGE_SIZE = 50;

	private static final int EXCERPT = 300;

	private final Operations operations;

	OpsApiController(Operations operations) {
		this.operations = operations;
	}

	/** The body of a schedule change: a cron expression, or blank for "on demand only". */
	record ScheduleRequest(String cron) {

	}

	record Started(long executionId, String source, URI run) {

	}

	record Stopping(Run run, String detail) {

	}

	record Recovered(List<RecoveredRun> recovered) {

	}

	/** A dead letter in a listing: its payload cut to an excerpt. */
	record DeadLetterSummary(long id, String stage, String source, String location, String reason, String status,
			int replays, String lastReplayOutcome, Instant rejectedAt, Instant receivedAt, String payloadExcerpt) {

		static DeadLetterSummary of(DeadLetter letter) {
			String payload = letter.payload();
			String excerpt = (payload == null || payload.length() <= EXCERPT) ? payload
					: payload.substring(0, EXCERPT) + "…";
			return new DeadLetterSummary(letter.id(), letter.stage(), letter.source(), letter.location(),
					letter.reason(), letter.status(), letter.replays(), letter.lastReplayOutcome(), letter.rejectedAt(),
					letter.receivedAt(), excerpt);
		}

	}

	record Replayed(String outcome, boolean through, String detail, DeadLetter deadLetter) {

	}

	@GetMapping("/sources")
	List<SourceView> sources() {
		return this.operations.sources();
	}

	@GetMapping("/sources/{name}")
	SourceView source(@PathVariable String name) {
		return this.operations.source(name).orElseThrow(() -> OpsProblem.notFound("no source is named '" + name + "'"));
	}

	@PutMapping("/sources/{name}/schedule")
	SourceView changeSchedule(@PathVariable String name, @RequestBody(required = false) ScheduleRequest request,
			Principal operator) {
		if (request == null) {
			throw OpsProblem.badParameter("cron", "the body must be {\"cron\": \"…\"} (blank cron: on demand only)");
		}
		OpsRequests.changed(this.operations.changeSchedule(name, request.cron(), operator.getName()));
		return source(name);
	}

	@DeleteMapping("/sources/{name}/schedule")
	SourceView resetSchedule(@PathVariable String name, Principal operator) {
		OpsRequests.changed(this.operations.resetSchedule(name, operator.getName()));
		return source(name);
	}

	@PostMapping("/sources/{name}/runs")
	ResponseEntity<Started> launch(@PathVariable String name, Principal operator) {
		long id = OpsRequests.started(this.operations.launch(name, operator.getName()),
				this.operations.source(name).isPresent());
		URI run = URI.create("/api/ops/runs/" + id);
		return ResponseEntity.accepted().location(run).body(new Started(id, name, run));
	}

	@GetMapping("/runs")
	Page<Run> runs(@RequestParam(required = false) String source, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.operations.runs(new ScrapeRuns.Filter(OpsRequests.optional(source), OpsRequests.runStatus(status)),
				OpsRequests.page(page), OpsRequests.size(size, DEFAULT_PAGE_SIZE));
	}

	@GetMapping("/runs/{id}")
	RunDetail run(@PathVariable long id) {
		return this.operations.run(id).orElseThrow(() -> OpsProblem.notFound("no scrape run has id " + id));
	}

	@PostMapping("/runs/{id}/stop")
	ResponseEntity<Stopping> stop(@PathVariable long id) {
		Stop stop = this.operations.stop(id);
		if (stop instanceof Stop.NotFound) {
			throw OpsProblem.notFound("no scrape run has id " + id);
		}
		if (stop instanceof Stop.NotRunning notRunning) {
			throw OpsProblem.conflict("Run not running", "run " + id + " is " + notRunning.run().status()
					+ ", not running: there is nothing to stop");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new Stopping(((Stop.Stopping) stop).run(),
					"the run stops at its next chunk boundary; what it committed stays published"));
	}

	@PostMapping("/recover")
	Recovered recover(@RequestParam(required = false) Boolean restart) {
		return new Recovered(this.operations.recover(Optional.ofNullable(restart)));
	}

	@GetMapping("/dead-letters")
	Page<DeadLetterSummary> deadLetters(@RequestParam(required = false) String stage,
			@RequestParam(required = false) String source, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Page<DeadLetter> letters = this.operations.deadLetters(new DeadLetterStore.Filter(OpsRequests.optional(stage),
				OpsRequests.optional(source), OpsRequests.deadLetterStatus(status)), OpsRequests.page(page),
				OpsRequests.size(size, DEFAULT_PAGE_SIZE));
		return new Page<>(letters.items().stream().map(DeadLetterSummary::of).toList(), letters.page(), letters.size(),
				letters.total());
	}

	@GetMapping("/dead-letters/{id}")
	DeadLetter deadLetter(@PathVariable long id) {
		return this.operations.deadLetter(id).orElseThrow(() -> OpsProblem.notFound("no dead letter has id " + id));
	}

	@PostMapping("/dead-letters/{id}/replay")
	Replayed replay(@PathVariable long id, Principal operator) {
		DeadLetterReplay.Outcome outcome = this.operations.replay(id, operator.getName())
			.orElseThrow(() -> OpsProblem.notFound("no dead letter has id " + id));
		return new Replayed(outcome.getClass().getSimpleName(), outcome.through(), outcome.describe(), deadLetter(id));
	}

	@PostMapping("/housekeeping/purge")
	Housekeeping.Purge purge() {
		return this.operations.purge();
	}

}
