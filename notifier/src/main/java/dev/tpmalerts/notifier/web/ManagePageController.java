package dev.tpmalerts.notifier.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.account.AccountManagement;
import dev.tpmalerts.notifier.account.AccountManagement.Change;
import dev.tpmalerts.notifier.account.AccountManagement.Overview;
import dev.tpmalerts.notifier.account.EmailAddresses;
import dev.tpmalerts.notifier.account.SettingsRequest;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.alert.CriteriaInWords;
import dev.tpmalerts.notifier.alert.Frequency;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The manage page a manage link opens, and its forms: edit, add, pause, resume and delete alerts, frequency and time
 * zone, export, withdraw consent, erase. The link's token is the credential, carried by every form; every change is
 * a POST (link scanners and prefetchers change nothing) with a CSRF token, answered by a redirect back to the page.
 */
@Controller
class ManagePageController {

	/** What the page says after a change: a fixed set, so the URL cannot make it say anything else. */
	private static final Map<String, String> DONE = Map.of("added", "Alert added.", "saved", "Alert saved.", "paused",
			"Alert paused: it sends nothing until you resume it.", "resumed", "Alert resumed.", "deleted",
			"Alert deleted.", "settings", "Settings saved.");

	private final ManageAccess access;

	private final AccountManagement management;

	private final RateLimiter limits;

	ManagePageController(ManageAccess access, AccountManagement management, RateLimiter limits) {
		this.access = access;
		this.management = management;
		this.limits = limits;
	}

	/** An alert as the page lists it. */
	record AlertRow(UUID id, String description, String frequency, boolean paused) {

		static AlertRow of(AlertSettings alert) {
			String described = CriteriaInWords.describe(alert.criteria());
			return new AlertRow(alert.id(), described.isEmpty() ? "every TPM job posting" : described,
					switch (alert.frequency()) {
						case INSTANT -> "instant";
						case DAILY -> "daily digest";
						case WEEKLY -> "weekly digest";
					}, alert.paused());
		}

	}

	@GetMapping("/manage")
	ModelAndView page(@RequestParam(required = false) String token, @RequestParam(required = false) String done) {
		UUID accountId = this.access.account(token);
		return managePage(accountId, token, (done != null) ? DONE.get(done) : null, FormErrors.none(), HttpStatus.OK);
	}

	@GetMapping("/manage/alerts/new")
	ModelAndView newAlert(@RequestParam(required = false) String token) {
		this.access.account(token);
		return alertPage(token, null, CriteriaForm.blank(), FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/manage/alerts")
	ModelAndView addAlert(@RequestParam(required = false) String token, CriteriaForm form) {
		UUID accountId = this.access.account(token);
		CriteriaForm.Parsed parsed = form.parse();
		Change change = parsed.problems().isEmpty() ? this.management.addAlert(accountId, parsed.request())
				: new Change.Rejected(parsed.problems());
		if (change instanceof Change.Rejected rejected) {
			return alertPage(token, null, form, FormErrors.of(rejected.problems()), HttpStatus.BAD_REQUEST);
		}
		return backTo(token, "added");
	}

	@GetMapping("/manage/alerts/{alertId}/edit")
	ModelAndView editAlert(@RequestParam(required = false) String token, @PathVariable String alertId) {
		UUID accountId = this.access.account(token);
		return alertId(alertId).flatMap((id) -> this.management.alert(accountId, id))
			.map((alert) -> alertPage(token, alert.id(), CriteriaForm.of(alert), FormErrors.none(), HttpStatus.OK))
			.orElseGet(ManagePageController::notFound);
	}

	@PostMapping("/manage/alerts/{alertId}/edit")
	ModelAndView saveAlert(@RequestParam(required = false) String token, @PathVariable String alertId,
			CriteriaForm form) {
		UUID accountId = this.access.account(token);
		Optional<UUID> id = alertId(alertId);
		if (id.isEmpty()) {
			return notFound();
		}
		CriteriaForm.Parsed parsed = form.parse();
		Change change = parsed.problems().isEmpty() ? this.management.editAlert(accountId, id.get(), parsed.request())
				: new Change.Rejected(parsed.problems());
		if (change instanceof Change.Rejected rejected) {
			return alertPage(token, id.get(), form, FormErrors.of(rejected.problems()), HttpStatus.BAD_REQUEST);
		}
		return (change instanceof Change.NotFound) ? notFound() : backTo(token, "saved");
	}

	@PostMapping("/manage/alerts/{alertId}/{action}")
	ModelAndView alertAction(@PathVariable String alertId, @PathVariable String action,
			@RequestParam(required = false) String token) {
		UUID accountId = this.access.account(token);
		Optional<UUID> id = alertId(alertId);
		if (id.isEmpty()) {
			return notFound();
		}
		Change change = switch (action) {
			case "pause" -> this.management.setPaused(accountId, id.get(), true);
			case "resume" -> this.management.setPaused(accountId, id.get(), false);
			case "delete" -> this.management.deleteAlert(accountId, id.get());
			default -> new Change.NotFound();
		};
		return (change instanceof Change.NotFound) ? notFound() : backTo(token, action.equals("pause") ? "paused"
				: action.equals("resume") ? "resumed" : "deleted");
	}

	@PostMapping("/manage/settings")
	ModelAndView settings(@RequestParam(required = false) String token,
			@RequestParam(required = false) String frequency, @RequestParam(required = false) String timeZone) {
		UUID accountId = this.access.account(token);
		Frequency chosen = null;
		List<String> problems = new ArrayList<>();
		if (frequency != null && !frequency.isBlank()) {
			try {
				chosen = Frequency.valueOf(frequency);
			}
			catch (IllegalArgumentException ex) {
				problems.add("frequency must be one of INSTANT, DAILY, WEEKLY");
			}
		}
		String zone = (timeZone != null && !timeZone.isBlank()) ? timeZone.strip() : null;
		if (problems.isEmpty()
				&& this.management.changeSettings(accountId, new SettingsRequest(chosen, zone)) instanceof Change.Rejected rejected) {
			problems.addAll(rejected.problems());
		}
		if (!problems.isEmpty()) {
			return managePage(accountId, token, null, FormErrors.of(problems), HttpStatus.BAD_REQUEST);
		}
		return backTo(token, "settings");
	}

	@PostMapping("/manage/withdraw")
	ModelAndView withdraw(@RequestParam(required = false) String token) {
		UUID accountId = this.access.account(token);
		this.management.withdrawConsent(accountId, "manage-page");
		return Pages.message(HttpStatus.OK, "Unsubscribed",
				List.of("You will receive no more job alerts. Your consent is recorded as withdrawn.",
						"Your data is kept until you delete it; this link still opens your account."),
				"/manage?token=" + token, "Back to your account");
	}

	@PostMapping("/manage/erase")
	ModelAndView erase(@RequestParam(required = false) String token, @RequestParam(required = false) String confirm) {
		UUID accountId = this.access.account(token);
		if (!"yes".equals(confirm)) {
			return managePage(accountId, token, null,
					FormErrors.of(List.of("confirm: tick the box to confirm that everything should be deleted")),
					HttpStatus.BAD_REQUEST);
		}
		this.management.erase(accountId, "manage-page");
		return Pages.message(HttpStatus.OK, "Account deleted",
				List.of("Your account, alerts and consent records are deleted. This address will not be mailed again."),
				"/", "Back to the start page");
	}

	/** The form behind "send me a new link", for an expired one; shares the subscription's rate limits. */
	@PostMapping("/manage-link")
	ModelAndView manageLink(@RequestParam(required = false) String email, HttpServletRequest http) {
		this.limits.checkClient(http.getRemoteAddr());
		if (!EmailAddresses.isValid(email)) {
			return Pages.linkNotValid(HttpStatus.BAD_REQUEST, email,
					FormErrors.of(List.of("email is not a valid email address")));
		}
		this.limits.checkAddress(email);
		this.management.sendManageLink(email);
		return Pages.message(HttpStatus.OK, "Check your inbox",
				List.of("If the address has alerts, a link to manage them is on its way."), null, null);
	}

	private ModelAndView managePage(UUID accountId, String token, String done, FormErrors errors, HttpStatus status) {
		Overview overview = this.management.overview(accountId).orElseThrow(ManageAccess.LinkNotValid::new);
		ModelAndView page = Pages.view("pages/manage", status, errors);
		page.addObject("token", token);
		page.addObject("done", done);
		page.addObject("account", overview.account());
		page.addObject("status", overview.account().status().name().toLowerCase(Locale.ROOT));
		page.addObject("consents", overview.consents());
		page.addObject("alerts", overview.alerts().stream().map(AlertRow::of).toList());
		page.addObject("frequencies", Choices.FREQUENCIES);
		return page;
	}

	private static ModelAndView alertPage(String token, UUID alertId, CriteriaForm form, FormErrors errors,
			HttpStatus status) {
		ModelAndView page = Pages.alertForm("pages/alert", status, form, errors);
		page.addObject("token", token);
		page.addObject("alertId", alertId);
		page.addObject("action", (alertId != null) ? "/manage/alerts/" + alertId + "/edit" : "/manage/alerts");
		return page;
	}

	private static Optional<UUID> alertId(String alertId) {
		try {
			return Optional.of(UUID.fromString(alertId));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static ModelAndView notFound() {
		return Pages.message(HttpStatus.NOT_FOUND, "Not found", List.of("Your account has no such alert."), null, null);
	}

	/** Post/redirect/get: a reload does not repeat the change. The token has passed validation (base64url only). */
	private static ModelAndView backTo(String token, String done) {
		return Pages.seeOther("/manage?token=" + token + "&done=" + done);
	}

}
