package dev.tpmalerts.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka is UP when the cluster answers a describe-cluster request within the timeout. One admin client serves every
 * check (created at the first): a client per check would log its whole configuration each time.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private Admin admin;

	/**
	 * @param adminConfig the admin client's configuration (bootstrap servers, security), as Spring Kafka's
	 * {@code KafkaAdmin} has it
	 * @param timeout how long a check waits for the cluster before it says DOWN
	 */
	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		Map<String, Object> config = new HashMap<>(adminConfig);
		int millis = Math.toIntExact(timeout.toMillis());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		this.adminConfig = Map.copyOf(config);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin()
			.describeCluster(new DescribeClusterOptions().timeoutMs(Math.toIntExact(this.timeout.toMillis())));
		try {
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
		}
		catch (TimeoutException ex) {
			builder.down().withDetail("error", "Kafka did not answer within " + this.timeout.toMillis() + " ms");
		}
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.adminConfig);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
			this.admin = null;
		}
	}

}
