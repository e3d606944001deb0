package dev.tpmalerts.matcher.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tpmalerts.shared.Json;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP basic for the API, users from {@link SecurityProperties}; refusals are RFC 9457 problem details like every
 * other error of the API.
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
			.denyAll())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(SecurityConfiguration::unauthorized)
				.accessDeniedHandler((request, response, denied) -> problem(request, response, HttpStatus.FORBIDDEN,
						"Your account does not have a role that may use this endpoint.")))
			// Every request carries its credentials: no session, no cookie. Without a cookie there is nothing
			// a cross-site request could ride on, so CSRF protection has nothing to protect here.
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService apiUsers(SecurityProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.name())
				.password(user.passwordHash())
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			Exception reason) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
		problem(request, response, HttpStatus.UNAUTHORIZED,
				"This endpoint needs HTTP basic authentication with a valid user name and password.");
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
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
