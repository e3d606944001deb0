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
	 * Swagger UI's page: the pages' policy plus inline style attributes, which its React components set on
	 * elements (without it the UI still works but its collapsible sections lose their layout). Scripts stay
	 * same-origin only: the webjar's index.html loads its scripts from files, none inline.
	 */
	static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = ApiSecurity.CONTENT_SECURITY_POLICY
			+ "; style-src 'self' 'unsafe-inline'";

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
		return ApiSecurity.pages(http).build();
	}

}
