package dev.tpmalerts.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorClientTest {

	private static final String EXPOSITION = """
			# HELP tpm_postings_indexed_total Posting writes Elasticsearch acknowledged, by operation
			# TYPE tpm_postings_indexed_total counter
			tpm_postings_indexed_total{operation="delete"} 1.0
			tpm_postings_indexed_total{operation="index"} 3.0
			tpm_postings_indexed_created 1.7e9
			tpm_emails_sent_total 2.0
			tpm_postings_rejected_total{reason="invalid-posting",stage="ingest"} 4.0
			""";

	@Test
	void shouldSumTheSamplesWhoseLabelsMatch() {
		assertThat(ActuatorClient.sampleIn(EXPOSITION, "tpm_postings_indexed_total", "operation", "index")).isEqualTo(3.0);
		assertThat(ActuatorClient.sampleIn(EXPOSITION, "tpm_postings_indexed_total")).isEqualTo(4.0);
		assertThat(ActuatorClient.sampleIn(EXPOSITION, "tpm_emails_sent_total")).isEqualTo(2.0);
		assertThat(ActuatorClient.sampleIn(EXPOSITION, "tpm_postings_rejected_total", "stage", "ingest")).isEqualTo(4.0);
	}

	@Test
	void shouldGiveZeroForAnAbsentSampleOrLabel() {
		assertThat(ActuatorClient.sampleIn(EXPOSITION, "tpm_emails_failed_total")).isZero();
		assertThat(ActuatorClient.sampleIn(EXPOSITION, "tpm_postings_rejected_total", "stage", "matcher")).isZero();
	}

}
