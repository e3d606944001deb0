package dev.tpmalerts.notifier.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.account.AccountManagement;
import dev.tpmalerts.notifier.account.AccountManagement.Change;
import dev.tpmalerts.notifier.account.AccountManagement.Overview;
import dev.tpmalerts.notifier.account.EmailAddresses;
import dev.tpmalerts.notifier.account.SettingsRequest;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.alert.Frequency;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The manage page a manage link opens: minimal server-rendered HTML whose every change is a POST form carrying the
 * token (no change on GET, so link scanners and prefetchers change nothing). The token in the form is what a
 * cross-site forgery would need and cannot know; the styled pages with CSRF tokens and sessions come later.
 */
@RestController
class ManagePageController {

	private final ManageAccess access;

	private final AccountManagement management;

	private final RateLimiter limits;

	ManagePageController(ManageAccess access, AccountManagement management, RateLimiter limits) {
		this.access = access;
		this.management = management;
		this.limits = limits;
	}

	@GetMapping(path = "/manage", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@RequestParam(required = false) String token) {
		UUID accountId = this.access.account(token);
		Overview overview = this.management.overview(accountId).orElseThrow(ManageAccess.LinkNotValid::new);
		return Pages.page(HttpStatus.OK, "Your TPM job alerts", render(overview, token));
	}

	@PostMapping(path = "/manage/alerts/{alertId}/{action}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> alertAction(@PathVariable String alertId, @PathVariable String action,
			@RequestParam(required = false) String token) {
		UUID accountId = this.access.account(token);
		UUID id;
		try {
			id = UUID.fromString(alertId);
		}
		catch (IllegalArgumentException ex) {
			return notFound();
		}
		Change change = switch (action) {
			case "pause" -> this.management.setPaused(accountId, id, true);
			case "resume" -> this.management.setPaused(accountId, id, false);
			case "delete" -> this.management.deleteAlert(accountId, id);
			default -> new Change.NotFound();
		};
		return (change instanceof Change.NotFound) ? notFound() : backTo(token);
	}

	@PostMapping(path = "/manage/settings", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> settings(@RequestParam(required = false) String token,
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
			return Pages.page(HttpStatus.BAD_REQUEST, "Settings not changed", "<ul>"
					+ problems.stream().map((p) -> "<li>" + HtmlUtils.htmlEscape(p) + "</li>").reduce("", String::concat)
					+ "</ul><p><a href=\"/manage?token=" + token + "\">Back to your alerts</a></p>");
		}
		return backTo(token);
	}

	@PostMapping(path = "/manage/withdraw", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> withdraw(@RequestParam(required = false) String token) {
		UUID accountId = this.access.account(token);
		this.management.withdrawConsent(accountId, "manage-page");
		return Pages.page(HttpStatus.OK, "Unsubscribed", """
				<p>You will receive no more job alerts. Your consent is recorded as withdrawn.</p>
				<p>Your data is kept until you delete it: <a href="/manage?token=%s">back to your account</a>.</p>"""
			.formatted(token));
	}

	@PostMapping(path = "/manage/erase", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> erase(@RequestParam(required = false) String token,
			@RequestParam(required = false) String confirm) {
		UUID accountId = this.access.account(token);
		if (!"yes".equals(confirm)) {
			return Pages.page(HttpStatus.BAD_REQUEST, "Nothing deleted", """
					<p>Tick the box to confirm that everything should be deleted.</p>
					<p><a href="/manage?token=%s">Back to your account</a></p>""".formatted(token));
		}
		this.management.erase(accountId, "manage-page");
		return Pages.page(HttpStatus.OK, "Account deleted",
				"<p>Your account, alerts and consent records are deleted. This address will not be mailed again.</p>");
	}

	/** The form behind "send me a new link", for an expired one. */
	@PostMapping(path = "/manage-link", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> manageLink(@RequestParam(required = false) String email, HttpServletRequest http) {
		this.limits.checkClient(http.getRemoteAddr());
		if (!EmailAddresses.isValid(email)) {
			return Pages.page(HttpStatus.BAD_REQUEST, "Not an email address", "<p>Please go back and check the address.</p>");
		}
		this.limits.checkAddress(email);
		this.management.sendManageLink(email);
		return Pages.page(HttpStatus.OK, "Check your inbox",
				"<p>If the address has alerts, a link to manage them is on its way.</p>");
	}

	@ExceptionHandler(ManageAccess.LinkNotValid.class)
	ResponseEntity<String> linkNotValid() {
		return Pages.page(HttpStatus.NOT_FOUND, "Link not valid", """
				<p>This manage link is unknown or has expired. We can mail you a new one:</p>
				<form method="post" action="/manage-link">
				  <label>Email address <input type="email" name="email" required></label>
				  <button type="submit">Send me a link</button>
				</form>""");
	}

	@ExceptionHandler(RateLimiter.RateLimited.class)
	ResponseEntity<String> rateLimited(RateLimiter.RateLimited limited) {
		ResponseEntity<String> page = Pages.page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
				"<p>Please try again later.</p>");
		return ResponseEntity.status(page.getStatusCode())
			.headers(page.getHeaders())
			.header("Retry-After", Long.toString(Math.max(1, limited.retryAfter().toSeconds())))
			.body(page.getBody());
	}

	private static ResponseEntity<String> notFound() {
		return Pages.page(HttpStatus.NOT_FOUND, "Not found", "<p>Your account has no such alert.</p>");
	}

	/** Post/redirect/get: a reload does not repeat the change. The token has passed validation (base64url only). */
	private static ResponseEntity<String> backTo(String token) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/manage?token=" + token)).build();
	}

	private static String render(Overview overview, String token) {
		StringBuilder html = new StringBuilder();
		html.append("<p>Status: <strong>").append(overview.account().status().name().toLowerCase()).append("</strong>");
		html.append(" · Time zone: ").append(HtmlUtils.htmlEscape(overview.account().timeZone())).append("</p>");
		html.append("<h2>Alerts</h2>");
		if (overview.alerts().isEmpty()) {
			html.append("<p>No alerts.</p>");
		}
		html.append("<ul>");
		for (AlertSettings alert : overview.alerts()) {
			html.append("<li data-alert=\"").append(alert.id()).append("\">")
				.append(HtmlUtils.htmlEscape(summary(alert.criteria())))
				.append(" · ")
				.append(alert.frequency().name().toLowerCase())
				.append(alert.paused() ? " · <em>paused</em>" : "");
			String action = alert.paused() ? "resume" : "pause";
			html.append(form("/manage/alerts/" + alert.id() + "/" + action, token, action.equals("pause") ? "Pause" : "Resume"));
			html.append(form("/manage/alerts/" + alert.id() + "/delete", token, "Delete"));
			html.append("</li>");
		}
		html.append("</ul>");
		html.append("""
				<h2>Settings</h2>
				<form method="post" action="/manage/settings">
				  <input type="hidden" name="token" value="%s">
				  <label>Frequency of every alert <select name="frequency">
				    <option value="">(unchanged)</option><option>INSTANT</option><option>DAILY</option><option>WEEKLY</option>
				  </select></label>
				  <label>Time zone <input name="timeZone" placeholder="Europe/Berlin" value="%s"></label>
				  <button type="submit">Save</button>
				</form>
				<h2>Your data</h2>
				<p><a href="/api/account/export?token=%s">Download all your data (JSON)</a></p>
				""".formatted(token, HtmlUtils.htmlEscape(overview.account().timeZone()), token));
		html.append(form("/manage/withdraw", token, "Unsubscribe from everything (withdraw consent)"));
		html.append("""
				<form method="post" action="/manage/erase">
				  <input type="hidden" name="token" value="%s">
				  <label><input type="checkbox" name="confirm" value="yes"> Delete my account and all my data</label>
				  <button type="submit">Delete everything</button>
				</form>""".formatted(token));
		return html.toString();
	}

	private static String form(String action, String token, String label) {
		return """
				<form method="post" action="%s" style="display:inline"><input type="hidden" name="token" value="%s">\
				<button type="submit">%s</button></form>""".formatted(action, token, label);
	}

	/** "keywords platform; roles technical-program-manager; minimum score 50", or "every posting". */
	static String summary(AlertCriteria criteria) {
		List<String> parts = new ArrayList<>();
		if (!criteria.keywords().isEmpty()) {
			parts.add("keywords " + String.join(", ", criteria.keywords()));
		}
		if (!criteria.roles().isEmpty()) {
			parts.add("roles " + String.join(", ", criteria.roles()));
		}
		if (!criteria.seniorities().isEmpty()) {
			parts.add("seniority " + String.join(", ", criteria.seniorities()));
		}
		criteria.facets().forEach((facet, ids) -> {
			if (!ids.isEmpty()) {
				parts.add(facet + " " + String.join(", ", ids));
			}
		});
		if (!criteria.locations().isEmpty()) {
			parts.add("in " + String.join(", ", criteria.locations()));
		}
		if (!criteria.workplaces().isEmpty()) {
			parts.add(criteria.workplaces().stream().map((w) -> w.name().toLowerCase()).reduce((a, b) -> a + ", " + b).orElse(""));
		}
		if (criteria.minSalary() != null) {
			parts.add("minimum pay " + criteria.minSalary().amount() + " " + criteria.minSalary().currency());
		}
		if (criteria.minScore() != null) {
			parts.add("minimum score " + criteria.minScore());
		}
		return parts.isEmpty() ? "every posting" : String.join("; ", parts);
	}

}
