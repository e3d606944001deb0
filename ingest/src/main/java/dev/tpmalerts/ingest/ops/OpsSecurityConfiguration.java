package dev.tpmalerts.ingest.ops;

import jakarta.servlet.DispatcherType;

import dev.tpmalerts.security.ApiSecurity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may operate ingest: OPS and ADMIN, on the JSON API (HTTP basic, stateless, problem-detail refusals) and on
 * the dashboard (form sign-in, session, CSRF on every form). The health check is open to anyone; anything else
 * is refused.
 */
@Configuration(proxyBeanMethods = false)
// Without a web server (./tpm-alerts ingest, tests that only run the job) there is nothing to protect.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpsSecurityConfiguration {

	static final String REALM = "tpm-alerts ingest";

	@Bean
	@Order(1)
	SecurityFilterChain opsApiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**").authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/api/ops/**", "/actuator/**")
			.hasAnyRole("OPS", "ADMIN")
			.anyRequest()
			.denyAll());
		return ApiSecurity.basic(http, REALM).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain opsPageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers("/css/**", "/login", "/error")
			.permitAll()
			.requestMatchers("/", "/ops", "/ops/**")
			.hasAnyRole("OPS", "ADMIN")
			.anyRequest()
			.denyAll());
		return ApiSecurity.pages(http).build();
	}

}
