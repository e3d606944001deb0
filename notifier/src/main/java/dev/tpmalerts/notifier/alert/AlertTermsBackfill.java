package dev.tpmalerts.notifier.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.tpmalerts.shared.Json;

import org.springframework.stereotype.Component;

/**
 * Flyway V5: the {@code alert_term} rows of the alerts saved before V4 created the table, derived from their
 * stored criteria by the same {@link AlertTerms#of} that every later save uses. A bean, which Spring Boot hands to
 * Flyway; it depends on nothing but the connection Flyway gives it.
 */
@Component
class AlertTermsBackfill extends BaseJavaMigration {

	/** The version is not in the class name (Flyway's default): it is given below. */
	@Override
	protected void init() {
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("5");
	}

	@Override
	public String getDescription() {
		return "alert terms of earlier alerts";
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (PreparedStatement alerts = connection.prepareStatement("select id, criteria from alert");
				PreparedStatement insert = connection
					.prepareStatement("insert into alert_term (alert_id, facet, term) values (?, ?, ?)");
				ResultSet rows = alerts.executeQuery()) {
			while (rows.next()) {
				UUID alertId = rows.getObject(1, UUID.class);
				AlertCriteria criteria = Json.mapper().readValue(rows.getString(2), AlertCriteria.class);
				for (AlertTerms.Term term : AlertTerms.of(criteria)) {
					insert.setObject(1, alertId);
					insert.setString(2, term.facet());
					insert.setString(3, term.value());
					insert.addBatch();
				}
			}
			insert.executeBatch();
		}
	}

}
