package dev.tpmalerts.matcher.security;

import jakarta.servlet.DispatcherType;

import dev.tpmalerts.security.ApiSecurity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may call the matcher, in three filter chains tried in order: the JSON API and the operations endpoints with
 * HTTP basic (recruiter search for RECRUITER and ADMIN, operations for OPS and ADMIN, health for anyone); the API's
 * OpenAPI description and Swagger UI for anyone; the recruiter's pages with a sign-in form, a session and CSRF
 * tokens, for RECRUITER and ADMIN. Users come from {@link ApiSecurity}.
 */
@Configuration(proxyBeanMethods = false)
// Without a web server (the reindex command, tests that only consume) there is no API to protect.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String REALM = "tpm-alerts matcher";

	/**
	 * Swagger UI's pages: the pages' policy, and the one inline style that Swagger UI's bundle applies, allowed by its
	 * hash. Its index.html loads every script from the webjar's files, none inline, so scripts stay same-origin only;
	 * "Try it out" calls this origin. Without the hash the UI works all the same, but the browser reports a violation
	 * on every load. A Swagger UI upgrade that changes that style fails SearchPageIT's check for CSP violations; the
	 * browser's report then names the new hash.
	 */
	static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = ApiSecurity.CONTENT_SECURITY_POLICY
			+ "; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/api/postings", "/api/postings/**")
				.hasAnyRole("RECRUITER", "ADMIN")
				.requestMatchers("/actuator/**")
				.hasAnyRole("OPS", "ADMIN")
				.anyRequest()
				.denyAll());
		return ApiSecurity.basic(http, REALM).build();
	}

	/**
	 * The OpenAPI description and Swagger UI are public: they describe the parameters and the taxonomy ids, which
	 * the README publishes anyway, and hold no posting; every call they document still needs a recruiter's login.
	 * Only GET requests, no session: nothing here for a cross-site request to change.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

	/** Everything else: the recruiter's pages behind the sign-in form. */
	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// Errors and forwards of a request that was already let in are not checked twice.
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			// favicon.ico: a browser asks for it unasked; it must not become the page a sign-in returns to.
			.requestMatchers("/css/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/", "/search")
			.hasAnyRole("RECRUITER", "ADMIN")
			.anyRequest()
			.denyAll());
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// Back to the very page after signing in, without Spring Security's "?continue" marker, which the search
		// would refuse as an unknown parameter. The price: each page request looks into the session for a saved one.
		requestCache.setMatchingRequestParameterName(null);
		http.requestCache((cache) -> cache.requestCache(requestCache));
		return ApiSecurity.pages(http).build();
	}

}
