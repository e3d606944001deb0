package dev.tpmalerts.observability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tpmalerts.embedded.KafkaBroker;
import dev.tpmalerts.embedded.StartupListener;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka health check against a real KRaft broker, running and then stopped. */
class KafkaHealthIndicatorIT {

	@TempDir
	Path dir;

	@Test
	void shouldBeUpWhileTheBrokerRunsAndDownSoonAfterItStops() throws Exception {
		KafkaBroker broker = KafkaBroker.start(this.dir, StartupListener.NONE);
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), Duration.ofSeconds(2));
		try {
			Health up = indicator.health(true);
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");

			broker.close();

			long started = System.nanoTime();
			Health down = indicator.health(true);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsKey("error");
			assertThat(took).as("a check waits no longer than its timeout, with a margin").isLessThan(Duration.ofSeconds(6));
		}
		finally {
			indicator.destroy();
			broker.close();
		}
	}

}
