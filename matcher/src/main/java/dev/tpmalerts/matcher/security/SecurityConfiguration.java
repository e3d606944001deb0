package dev.tpmalerts.matcher.security;

import jakarta.servlet.DispatcherType;

import dev.tpmalerts.security.ApiSecurity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the matcher: recruiter search for RECRUITER and ADMIN, operations endpoints for OPS and ADMIN, the
 * health check for anyone. Users and HTTP basic come from {@link ApiSecurity}.
 */
@Configuration(proxyBeanMethods = false)
// Without a web server (the reindex command, tests that only consume) there is no API to protect.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String REALM = "tpm-alerts matcher";

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// Errors and forwards of a request that was already let in are not checked twice.
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
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

}
