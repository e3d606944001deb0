package dev.tpmalerts.notifier.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.account.AccountManagement;
import dev.tpmalerts.notifier.account.AccountManagement.AccountExport;
import dev.tpmalerts.notifier.account.AccountManagement.Change;
import dev.tpmalerts.notifier.account.AccountManagement.Overview;
import dev.tpmalerts.notifier.account.AlertRequest;
import dev.tpmalerts.notifier.account.SettingsRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of one's own account, opened by a manage token ({@code Authorization: Bearer <token>}, or the
 * {@code token} parameter of a link). Nothing here needs a password or a cookie, so there is nothing for a
 * cross-site request to ride on: a forged request would have to carry the token itself.
 */
@RestController
@RequestMapping("/api/account")
class AccountController {

	private final ManageAccess access;

	private final AccountManagement management;

	AccountController(ManageAccess access, AccountManagement management) {
		this.access = access;
		this.management = management;
	}

	@GetMapping
	ResponseEntity<Overview> overview(HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		return this.management.overview(accountId)
			.map((overview) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(overview))
			.orElseThrow(ManageAccess.LinkNotValid::new);
	}

	@PostMapping("/alerts")
	ResponseEntity<?> addAlert(@RequestBody AlertRequest body, HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		Change change = this.management.addAlert(accountId, body);
		if (change instanceof Change.Added added) {
			return ResponseEntity.created(URI.create("/api/account/alerts/" + added.alertId()))
				.body(this.management.alert(accountId, added.alertId()).orElseThrow());
		}
		return answer(change, accountId, null);
	}

	@GetMapping("/alerts/{alertId}")
	ResponseEntity<?> alert(@PathVariable UUID alertId, HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		return this.management.alert(accountId, alertId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(AccountController::alertNotFound);
	}

	@PutMapping("/alerts/{alertId}")
	ResponseEntity<?> editAlert(@PathVariable UUID alertId, @RequestBody AlertRequest body,
			HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		return answer(this.management.editAlert(accountId, alertId, body), accountId, alertId);
	}

	@PostMapping("/alerts/{alertId}/pause")
	ResponseEntity<?> pause(@PathVariable UUID alertId, HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		return answer(this.management.setPaused(accountId, alertId, true), accountId, alertId);
	}

	@PostMapping("/alerts/{alertId}/resume")
	ResponseEntity<?> resume(@PathVariable UUID alertId, HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		return answer(this.management.setPaused(accountId, alertId, false), accountId, alertId);
	}

	@DeleteMapping("/alerts/{alertId}")
	ResponseEntity<?> deleteAlert(@PathVariable UUID alertId, HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		return answer(this.management.deleteAlert(accountId, alertId), accountId, null);
	}

	@PutMapping("/settings")
	ResponseEntity<?> settings(@RequestBody SettingsRequest body, HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		Change change = this.management.changeSettings(accountId, body);
		if (change instanceof Change.Done) {
			return overview(request);
		}
		return answer(change, accountId, null);
	}

	@PostMapping("/consent/withdraw")
	ResponseEntity<?> withdraw(HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		this.management.withdrawConsent(accountId, "api");
		return overview(request);
	}

	/** A GET, but it changes nothing but the audit trail: the export is recorded there. */
	@GetMapping("/export")
	ResponseEntity<AccountExport> export(HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		AccountExport export = this.management.export(accountId).orElseThrow(ManageAccess.LinkNotValid::new);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("tpm-alerts-export.json").build().toString())
			.body(export);
	}

	@DeleteMapping
	ResponseEntity<?> erase(HttpServletRequest request) {
		return eraseAccount(request);
	}

	@PostMapping("/erase")
	ResponseEntity<?> eraseByPost(HttpServletRequest request) {
		return eraseAccount(request);
	}

	private ResponseEntity<?> eraseAccount(HttpServletRequest request) {
		UUID accountId = this.access.account(request);
		this.management.erase(accountId, "api");
		return ResponseEntity.ok()
			.body(Map.of("status", "erased", "message",
					"Your account, alerts and consent records are deleted. This address will not be mailed again."));
	}

	private ResponseEntity<?> answer(Change change, UUID accountId, UUID alertId) {
		if (change instanceof Change.Rejected rejected) {
			return ResponseEntity.badRequest().body(ApiProblems.invalid("Invalid request", rejected.problems()));
		}
		if (change instanceof Change.NotFound) {
			return alertNotFound();
		}
		if (alertId != null) {
			return this.management.alert(accountId, alertId)
				.<ResponseEntity<?>>map(ResponseEntity::ok)
				.orElseGet(AccountController::alertNotFound);
		}
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<?> alertNotFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This account has no such alert.");
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
