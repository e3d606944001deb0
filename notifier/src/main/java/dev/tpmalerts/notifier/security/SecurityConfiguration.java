package dev.tpmalerts.notifier.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tpmalerts.security.ApiSecurity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call the notifier. A subscriber has no login: the 256-bit token of a link is the credential, checked by
 * the pages and the account API themselves, so their paths are open to anonymous callers and a login (a recruiter's,
 * an operator's) opens nothing there. Recruiters get the demand insight, which holds no personal data; operators the
 * actuator; every other path is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String REALM = "tpm-alerts notifier";

	/** The page of a form refused for its CSRF token (SubscribePageController). */
	static final String FORM_EXPIRED = "/form-expired";

	/** The subscribers' JSON API, authenticated by the token of a link (or nothing: subscribing). */
	static final String[] SUBSCRIBER_API = { "/api/subscriptions", "/api/manage-link", "/api/account",
			"/api/account/**" };

	/** The subscribers' pages; every change on them is a POST form with a CSRF token. */
	static final String[] PAGES = { "/", "/subscribe", "/subscribe/**", "/privacy", "/terms", "/subscriptions/confirm",
			"/unsubscribe", "/manage", "/manage/**", "/manage-link", FORM_EXPIRED, "/css/**", "/favicon.ico" };

	/**
	 * The JSON APIs: HTTP basic for the staff, stateless and without CSRF tokens. The subscribers' requests carry
	 * their link token in a header or parameter, never in a cookie, so a cross-site request has nothing to ride on;
	 * a cross-site form cannot send the JSON body these endpoints read either (that would need a CORS preflight,
	 * which nothing here allows).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(SUBSCRIBER_API)
				.permitAll()
				.requestMatchers("/api/insight/**")
				.hasAnyRole("RECRUITER", "ADMIN")
				.requestMatchers("/actuator/**")
				.hasAnyRole("OPS", "ADMIN")
				.anyRequest()
				.denyAll());
		return ApiSecurity.basic(http, REALM).build();
	}

	/**
	 * The pages: anonymous, no session, CSRF tokens in a cookie (double submit: no state on the server, so any
	 * notifier instance checks any form) and a hidden field that Thymeleaf adds to every POST form. The one POST
	 * without a token is the one-click unsubscribe of RFC 8058, which mail clients send with no cookie and no page:
	 * its link token is its whole credential, and all it can do is stop mail.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		AccessDeniedHandlerImpl formExpired = new AccessDeniedHandlerImpl();
		formExpired.setErrorPage(FORM_EXPIRED);
		http.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(PAGES)
			.permitAll()
			.anyRequest()
			.denyAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe")))
			.addFilterAfter(new LoadCsrfToken(), CsrfFilter.class)
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(formExpired))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(ApiSecurity.CONTENT_SECURITY_POLICY))
				// Page URLs carry link tokens: never sent on to a site a link leads to.
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/**
	 * Writes the CSRF cookie before the page is rendered: the token is otherwise created lazily, while the first
	 * form is written, when a long page may already have sent its headers.
	 */
	static final class LoadCsrfToken extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
