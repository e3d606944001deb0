package dev.tpmalerts.ingest.ops;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

import dev.tpmalerts.ingest.deadletter.DeadLetterReplay;
import dev.tpmalerts.ingest.deadletter.DeadLetterStore;
import dev.tpmalerts.ingest.housekeeping.Housekeeping;
import dev.tpmalerts.ingest.job.ScrapeRuns;
import dev.tpmalerts.ingest.ops.Operations.RecoveredRun;
import dev.tpmalerts.ingest.ops.Operations.Stop;

import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations dashboard, rendered on the server (no script): sources with their schedules, runs, dead
 * letters, housekeeping and health. Every change is a POST form with its CSRF token, answered by a redirect
 * with a notice, so reloading a page never repeats an action.
 */
@Controller
class OpsPageController {

	private static final int PAGE_SIZE = 20;

	private final Operations operations;

	private final HealthSummary health;

	private final OpsFormat format = new OpsFormat(ZoneId.systemDefault());

	OpsPageController(Operations operations, HealthSummary health) {
		this.operations = operations;
		this.health = health;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/ops";
	}

	@GetMapping("/ops")
	String dashboard(@RequestParam(required = false) String source, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String letterSource, @RequestParam(required = false) String letterStatus,
			@RequestParam(required = false) Integer letterPage, Model model) {
		try {
			model.addAttribute("runs", this.operations.runs(
					new ScrapeRuns.Filter(OpsRequests.optional(source), OpsRequests.runStatus(status)),
					OpsRequests.page(page), PAGE_SIZE));
			model.addAttribute("letters", this.operations.deadLetters(
					new DeadLetterStore.Filter(OpsRequests.optional(stage), OpsRequests.optional(letterSource),
							OpsRequests.deadLetterStatus(letterStatus)),
					OpsRequests.page(letterPage), PAGE_SIZE));
		}
		catch (OpsProblem ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("runs", this.operations.runs(ScrapeRuns.Filter.ALL, 0, PAGE_SIZE));
			model.addAttribute("letters", this.operations.deadLetters(DeadLetterStore.Filter.ALL, 0, PAGE_SIZE));
		}
		model.addAttribute("sources", this.operations.sources());
		model.addAttribute("health", this.health.health());
		model.addAttribute("statuses", BatchStatus.values());
		model.addAttribute("filter", new Filters(source, status, stage, letterSource, letterStatus));
		model.addAttribute("fmt", this.format);
		return "ops/dashboard";
	}

	/** The filters as typed, to fill the forms again. */
	record Filters(String source, String status, String stage, String letterSource, String letterStatus) {

	}

	@GetMapping("/ops/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("detail", this.operations.run(id)
			.orElseThrow(() -> OpsProblem.notFound("no scrape run has id " + id)));
		model.addAttribute("fmt", this.format);
		return "ops/run";
	}

	@GetMapping("/ops/dead-letters/{id}")
	String deadLetter(@PathVariable long id, Model model) {
		model.addAttribute("letter", this.operations.deadLetter(id)
			.orElseThrow(() -> OpsProblem.notFound("no dead letter has id " + id)));
		model.addAttribute("fmt", this.format);
		return "ops/dead-letter";
	}

	@PostMapping("/ops/sources/{name}/schedule")
	String changeSchedule(@PathVariable String name, @RequestParam(required = false) String cron, Principal operator,
			RedirectAttributes redirect) {
		return act(redirect, "/ops#sources", () -> {
			var schedule = OpsRequests.changed(this.operations.changeSchedule(name, cron, operator.getName()));
			return "Source " + name + " now runs " + ((schedule.cron() != null) ? "on " + schedule.cron() : "on demand only") + ".";
		});
	}

	@PostMapping("/ops/sources/{name}/schedule/reset")
	String resetSchedule(@PathVariable String name, Principal operator, RedirectAttributes redirect) {
		return act(redirect, "/ops#sources", () -> {
			var schedule = OpsRequests.changed(this.operations.resetSchedule(name, operator.getName()));
			return "Source " + name + " is back on its configured schedule ("
					+ ((schedule.cron() != null) ? schedule.cron() : "on demand only") + ").";
		});
	}

	@PostMapping("/ops/sources/{name}/run")
	String launch(@PathVariable String name, Principal operator, RedirectAttributes redirect) {
		return act(redirect, "/ops#sources", () -> {
			long id = OpsRequests.started(this.operations.launch(name, operator.getName()),
					this.operations.source(name).isPresent());
			return "Run " + id + " of source " + name + " started.";
		});
	}

	@PostMapping("/ops/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "/ops#runs", () -> {
			Stop stop = this.operations.stop(id);
			if (stop instanceof Stop.NotFound) {
				throw OpsProblem.notFound("No scrape run has id " + id + ".");
			}
			if (stop instanceof Stop.NotRunning notRunning) {
				throw OpsProblem.conflict("Run not running", "Run " + id + " is " + notRunning.run().status()
						+ ": there is nothing to stop.");
			}
			return "Run " + id + " is stopping: it stops at its next chunk boundary.";
		});
	}

	@PostMapping("/ops/recover")
	String recover(RedirectAttributes redirect) {
		return act(redirect, "/ops#runs", () -> {
			var recovered = this.operations.recover(Optional.empty());
			if (recovered.isEmpty()) {
				return "No run was left running by a dead process.";
			}
			StringBuilder message = new StringBuilder("Recovered " + recovered.size() + " run(s):");
			for (RecoveredRun run : recovered) {
				message.append(" ").append(run.run().id()).append(" (").append(run.run().source()).append(", ")
					.append(run.why()).append((run.resumedAs() != null) ? ", resumed as run " + run.resumedAs() : "")
					.append(")");
			}
			return message.toString();
		});
	}

	@PostMapping("/ops/dead-letters/{id}/replay")
	String replay(@PathVariable long id, Principal operator, RedirectAttributes redirect) {
		return act(redirect, "/ops#dead-letters", () -> {
			DeadLetterReplay.Outcome outcome = this.operations.replay(id, operator.getName())
				.orElseThrow(() -> OpsProblem.notFound("No dead letter has id " + id + "."));
			if (!outcome.through()) {
				throw OpsProblem.conflict("Replay failed", "Dead letter " + id + " was kept: " + outcome.describe() + ".");
			}
			return "Dead letter " + id + " replayed: " + outcome.describe() + ".";
		});
	}

	@PostMapping("/ops/housekeeping/purge")
	String purge(RedirectAttributes redirect) {
		return act(redirect, "/ops#housekeeping", () -> {
			Housekeeping.Purge purge = this.operations.purge();
			return "Purged " + purge.jobExecutions() + " run(s) of " + purge.jobInstances() + " job instance(s) ended before "
					+ this.format.time(purge.runsEndedBefore()) + " and " + purge.deadLetters()
					+ " dead letter(s) received before " + this.format.time(purge.deadLettersReceivedBefore()) + "."
					+ ((purge.keptRunning() > 0) ? " " + purge.keptRunning() + " instance(s) with a run going were kept." : "");
		});
	}

	/** An unknown run or dead letter: a page that says so, with its status. */
	@ExceptionHandler
	ModelAndView problem(OpsProblem ex) {
		ModelAndView page = new ModelAndView("ops/problem", ex.status());
		page.addObject("title", ex.title());
		page.addObject("message", ex.getMessage());
		return page;
	}

	private static String act(RedirectAttributes redirect, String target, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (OpsProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + target;
	}

}
