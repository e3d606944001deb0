package dev.tpmalerts.ingest.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The dashboard's health panel: what the actuator's health endpoint answers, overall and per component (database,
 * Kafka, disk, …) whatever {@code show-components} says, since only operators see the dashboard.
 */
@Component
class HealthSummary {

	private final ObjectProvider<HealthEndpoint> endpoint;

	private final ObjectProvider<HealthContributorRegistry> registry;

	HealthSummary(ObjectProvider<HealthEndpoint> endpoint, ObjectProvider<HealthContributorRegistry> registry) {
		this.endpoint = endpoint;
		this.registry = registry;
	}

	/** @param components status by component name */
	record Health(String status, Map<String, String> components) {

	}

	Health health() {
		HealthEndpoint health = this.endpoint.getIfAvailable();
		if (health == null) {
			return new Health("UNKNOWN", Map.of());
		}
		HealthDescriptor overall = health.health();
		Map<String, String> components = new LinkedHashMap<>();
		if (overall instanceof CompositeHealthDescriptor composite && composite.getComponents() != null) {
			composite.getComponents().forEach((name, component) -> components.put(name, component.getStatus().getCode()));
		}
		else {
			HealthContributorRegistry contributors = this.registry.getIfAvailable();
			if (contributors != null) {
				contributors.stream().forEach((entry) -> {
					HealthDescriptor component = health.healthForPath(entry.name());
					if (component != null) {
						components.put(entry.name(), component.getStatus().getCode());
					}
				});
			}
		}
		return new Health(overall.getStatus().getCode(), components);
	}

}
