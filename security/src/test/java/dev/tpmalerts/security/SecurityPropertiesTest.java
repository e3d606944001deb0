package dev.tpmalerts.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.security.SecurityProperties.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecurityPropertiesTest {

	@Test
	void shouldAcceptAHashedPasswordWithKnownRoles() {
		SecurityProperties properties = new SecurityProperties(
				List.of(new User("ops", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", List.of("OPS", "ADMIN"))));
		assertThat(properties.users()).hasSize(1);
	}

	@Test
	void shouldHaveNoUsersByDefault() {
		assertThat(new SecurityProperties(null).users()).isEmpty();
	}

	@Test
	void shouldRefuseAPlainTextPasswordAndAnUnknownRoleNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecurityProperties(List.of(new User("ops", "secret", List.of("ROOT")))))
			.withMessageContaining("tpm.security.users[0].password-hash must be a hash")
			.withMessageContaining("tpm.security.users[0].roles has unknown role 'ROOT'");
	}

}
