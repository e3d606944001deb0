package dev.tpmalerts.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's users, from configuration ({@code tpm.security.users[n].name/password-hash/roles}). Passwords are
 * stored only as hashes with their encoder's id ({@code {bcrypt}$2a$...}), so that the configuration never holds a
 * password; with no users configured nobody can call the search.
 *
 * @param users the users; none by default
 */
@ConfigurationProperties("tpm.security")
public record SecurityProperties(List<User> users) {

	/** The roles the API knows; a user with another role is a configuration mistake, refused at start-up. */
	public static final Set<String> ROLES = Set.of("RECRUITER", "OPS", "ADMIN");

	public SecurityProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			problems.addAll(users.get(i).problems("tpm.security.users[" + i + "]"));
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid API users: " + String.join("; ", problems));
		}
	}

	/**
	 * One API user.
	 *
	 * @param name the login
	 * @param passwordHash the password's hash, prefixed by the encoder id, e.g. {@code {bcrypt}$2a$10$...}
	 * @param roles some of RECRUITER, OPS, ADMIN
	 */
	public record User(String name, String passwordHash, List<String> roles) {

		public User {
			roles = (roles != null) ? List.copyOf(roles) : List.of();
		}

		List<String> problems(String path) {
			List<String> problems = new ArrayList<>();
			if (this.name == null || this.name.isBlank()) {
				problems.add(path + ".name is missing");
			}
			// A plain-text password would otherwise only fail at the first login, and sit in the configuration.
			if (this.passwordHash == null || !this.passwordHash.matches("\\{[a-z0-9]+}.+")) {
				problems.add(path + ".password-hash must be a hash with its encoder id, such as {bcrypt}$2a$10$...");
			}
			if (this.roles.isEmpty()) {
				problems.add(path + ".roles is empty");
			}
			this.roles.stream()
				.filter((role) -> !ROLES.contains(role))
				.forEach((role) -> problems.add(path + ".roles has unknown role '" + role + "' (known: RECRUITER, OPS, ADMIN)"));
			return problems;
		}

	}

}
