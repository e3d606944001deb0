package dev.tpmalerts.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tpmalerts.shared.Json;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The one way the stages' JSON APIs authenticate: HTTP basic against {@link SecurityProperties}' users, no session,
 * and 401 and 403 as RFC 9457 problem details like every other error of the APIs. Each stage adds its own rules.
 */
public final class ApiSecurity {

	private ApiSecurity() {
	}

	/**
	 * HTTP basic with problem-detail refusals, stateless. Every request carries its credentials: without a session
	 * cookie there is nothing a cross-site request could ride on, so CSRF protection has nothing to protect.
	 * @param realm the realm the browser shows, e.g. "tpm-alerts matcher"
	 */
	public static HttpSecurity basic(HttpSecurity http, String realm) throws Exception {
		return http
			.httpBasic((basic) -> basic.realmName(realm).authenticationEntryPoint(
					(request, response, reason) -> unauthorized(request, response, realm)))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, reason) -> unauthorized(request, response, realm))
				.accessDeniedHandler((request, response, denied) -> problem(request, response, HttpStatus.FORBIDDEN,
						"Your account does not have a role that may use this endpoint.")))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
	}

	/**
	 * The web pages of the operators and recruiters: Spring Security's own sign-in page (no external resources),
	 * a session cookie, CSRF tokens on every form, and a Content-Security-Policy that allows only this origin.
	 */
	public static HttpSecurity pages(HttpSecurity http) throws Exception {
		return http.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
	}

	/** Pages load scripts, styles and images from their own origin only: nothing from a CDN, nothing inline. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String realm)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
		problem(request, response, HttpStatus.UNAUTHORIZED,
				"This endpoint needs HTTP basic authentication with a valid user name and password.");
	}

	/** Writes an RFC 9457 problem detail as the response. */
	public static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(Json.mapper().writeValueAsBytes(problem));
	}

}
