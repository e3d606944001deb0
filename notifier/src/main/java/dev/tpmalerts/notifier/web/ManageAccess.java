package dev.tpmalerts.notifier.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Turns the manage token of a request into its account: from {@code Authorization: Bearer <token>} (the API) or
 * the {@code token} parameter (the link and the forms of the manage page). An unknown, expired or other-purpose
 * token and an erased account all fail the same way, so a failure tells nothing.
 */
@Component
class ManageAccess {

	private final LinkTokens tokens;

	private final Accounts accounts;

	ManageAccess(LinkTokens tokens, Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	UUID account(HttpServletRequest request) {
		return account(token(request));
	}

	UUID account(String token) {
		return this.tokens.redeem(token, TokenPurpose.MANAGE, false)
			.filter((id) -> this.accounts.findById(id).isPresent())
			.orElseThrow(LinkNotValid::new);
	}

	static String token(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		return request.getParameter("token");
	}

	/** The manage token is missing, unknown or expired, or its account is gone. */
	static final class LinkNotValid extends RuntimeException {

		LinkNotValid() {
			super("manage link not valid", null, false, false);
		}

	}

}
